import { Type } from '@sinclair/typebox';
import { Actor, ChannelCode, defineRequest, Id, LocationCode, strict } from '../schema.js';
import { Destination, Method, OrderId, OrderLines, OrderView } from './orders.js';

export const createOrder = defineRequest({
  subject: 'omnistock.v1.routing.create-order',
  summary:
    'Place an order and route it: one fulfilment per chosen location, stock held in the ledger, lines nobody can take backordered. `id` is the idempotency key.',
  request: Type.Object(
    {
      id: OrderId,
      channel: ChannelCode,
      lines: OrderLines,
      method: Method,
      /** Required to ship (distance is measured to it); optional for pickup. */
      destination: Type.Optional(Destination),
      /** Required for pickup: a location with the `pickup` capability. */
      pickupLocation: Type.Optional(LocationCode),
      /** A quote from the delivery-promise service: the order is routed so its window holds. */
      promiseId: Type.Optional(Id),
      /** The cart hold: its units become the order's, never held twice. */
      reservationId: Type.Optional(Id),
      actor: Actor,
    },
    strict,
  ),
  reply: OrderView,
});
