import { Type } from '@sinclair/typebox';
import { Actor, ChannelCode, defineRequest, Id, Reason, strict } from '../schema.js';
import { HoldView } from './shared.js';

export const commit = defineRequest({
  subject: 'omnistock.v1.ledger.commit',
  summary:
    'The order `orderId` takes the hold: a cart hold of the same channel is adopted, a hold made for the order stops expiring. From then on only that order acts on it. A hold another order owns is HOLD_OWNED_BY_ORDER; committing again for the same order replays.',
  request: Type.Object(
    {
      id: Id,
      orderId: Id,
      /** The order's channel: an order adopts only its own channel's cart holds. */
      channel: ChannelCode,
      reference: Type.Optional(Reason),
      actor: Actor,
    },
    strict,
  ),
  reply: HoldView,
});
