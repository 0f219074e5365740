import { Type } from '@sinclair/typebox';
import { Actor, defineRequest, Id, LocationCode, strict } from '../schema.js';
import { MovementReply, SkuQtyLines } from './shared.js';

export const sendTransfer = defineRequest({
  subject: 'omnistock.v1.ledger.send-transfer',
  summary: 'Ship stock between locations: on_hand leaves `from` and waits in_transit at `to`.',
  request: Type.Object(
    { id: Id, from: LocationCode, to: LocationCode, lines: SkuQtyLines, actor: Actor },
    strict,
  ),
  reply: MovementReply,
});
