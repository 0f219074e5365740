import { Type } from '@sinclair/typebox';
import { Actor, defineRequest, Id, LocationCode, Reason, strict } from '../schema.js';
import { MovementReply, SkuQtyLines } from './shared.js';

export const restockReturn = defineRequest({
  subject: 'omnistock.v1.ledger.restock-return',
  summary:
    'A returned unit found resellable goes back on the shelf where it was received: customer → on_hand, with the return as reference.',
  request: Type.Object(
    { id: Id, location: LocationCode, lines: SkuQtyLines, reference: Reason, actor: Actor },
    strict,
  ),
  reply: MovementReply,
});
