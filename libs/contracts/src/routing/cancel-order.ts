import { Type } from '@sinclair/typebox';
import { Actor, ChannelScope, defineRequest, Reason, strict } from '../schema.js';
import { OrderId, OrderView } from './orders.js';

export const cancelOrder = defineRequest({
  subject: 'omnistock.v1.routing.cancel-order',
  summary:
    'Cancel an order: every fulfilment not yet shipped or collected is cancelled and its hold released; what left stays. A replay answers the same.',
  request: Type.Object(
    {
      id: OrderId,
      reason: Type.Optional(Reason),
      /** A caller bound to channels: another channel's order is NOT_FOUND, as if it did not exist. */
      channels: Type.Optional(ChannelScope),
      actor: Actor,
    },
    strict,
  ),
  reply: OrderView,
});
