import { Type } from '@sinclair/typebox';
import { Actor, ChannelCode, defineRequest, Id, strict } from '../schema.js';
import { HoldView, MovementReply } from './shared.js';

export const receiveTransfer = defineRequest({
  subject: 'omnistock.v1.ledger.receive-transfer',
  summary:
    'The transfer `id` arrives: in_transit becomes on_hand at its destination. With `holdFor`, the arriving units are held for that order in the same step (committed, owned by the order), so no other sale can take them first. A replay changes nothing.',
  request: Type.Object(
    {
      id: Id,
      holdFor: Type.Optional(
        Type.Object({ holdId: Id, orderId: Id, channel: ChannelCode }, strict),
      ),
      actor: Actor,
    },
    strict,
  ),
  reply: Type.Intersect([MovementReply, Type.Object({ hold: Type.Optional(HoldView) })]),
});
