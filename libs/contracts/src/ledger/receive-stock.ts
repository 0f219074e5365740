import { Type } from '@sinclair/typebox';
import { Actor, defineRequest, Id, LocationCode, Reason, strict } from '../schema.js';
import { MovementReply, SkuQtyLines } from './shared.js';

export const receiveStock = defineRequest({
  subject: 'omnistock.v1.ledger.receive-stock',
  summary: 'Goods in from a supplier: on_hand grows by each line. `id` is the idempotency key.',
  request: Type.Object(
    {
      id: Id,
      location: LocationCode,
      lines: SkuQtyLines,
      reference: Type.Optional(Reason),
      actor: Actor,
    },
    strict,
  ),
  reply: MovementReply,
});
