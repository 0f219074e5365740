import { Reason, Type, ledger, routing, strict } from '@omnistock/contracts';
import { actorOf, channelScopeOf } from '../../auth/api-key.js';
import { natsRoute, type Lookup } from '../route.js';

const OrderPath = Type.Object({ id: routing.OrderId }, strict);
const SCOPES = ['storefront', 'store'] as const;

/** An order acts where its fulfilments and pickup are: asked of routing for location-bound keys. */
const orderLocations = async (payload: { id: string; channels?: string[] }, lookup: Lookup) => {
  const order = await lookup(routing.getOrder, { id: payload.id, ...pick(payload.channels) });
  return [
    ...new Set([
      ...order.fulfilments.map((fulfilment) => fulfilment.location),
      ...(order.pickupLocation ? [order.pickupLocation] : []),
    ]),
  ];
};

/** The body is the routing contract without `actor`: the gateway says who acted (the key). */
export const createOrderRoute = natsRoute({
  method: 'POST',
  path: '/v1/orders',
  tag: 'orders',
  summary:
    'Place an order and route it (ship to a destination, or pickup at a store). `id` is the idempotency key: a replay answers the same order.',
  scopes: SCOPES,
  status: 201,
  body: Type.Omit(routing.createOrder.request.schema, ['actor']),
  reply: routing.createOrder.reply,
  contract: routing.createOrder,
  toPayload: ({ body }, caller) => ({ ...body, actor: actorOf(caller) }),
  channelsOf: (payload) => [payload.channel],
  // A store's till places pickup orders at its own store, from cart holds at its own
  // locations; shipping names no location of its own.
  locationsOf: async (payload, lookup) => {
    const named = payload.pickupLocation ? [payload.pickupLocation] : [];
    if (payload.reservationId) {
      const cart = await lookup(ledger.getHold, {
        id: payload.reservationId,
        principal: { kind: 'cart', channels: [payload.channel] },
      });
      named.push(...cart.lines.map((line) => line.location));
    }
    return named.length > 0 ? [...new Set(named)] : undefined;
  },
});

export const getOrderRoute = natsRoute({
  method: 'GET',
  path: '/v1/orders/:id',
  tag: 'orders',
  summary: 'An order with its fulfilments and the stored explanation of every routing decision.',
  scopes: SCOPES,
  status: 200,
  params: OrderPath,
  reply: routing.getOrder.reply,
  contract: routing.getOrder,
  toPayload: ({ params }, caller) => ({ id: params.id, ...channelScopeOf(caller) }),
  locationsOf: orderLocations,
});

export const cancelOrderRoute = natsRoute({
  method: 'POST',
  path: '/v1/orders/:id/cancel',
  tag: 'orders',
  summary:
    'Cancel what has not left: unshipped fulfilments are cancelled and their stock released.',
  scopes: SCOPES,
  status: 200,
  params: OrderPath,
  body: Type.Object({ reason: Type.Optional(Reason) }, strict),
  reply: routing.cancelOrder.reply,
  contract: routing.cancelOrder,
  toPayload: ({ params, body }, caller) => ({
    id: params.id,
    ...(body.reason ? { reason: body.reason } : {}),
    ...channelScopeOf(caller),
    actor: actorOf(caller),
  }),
  locationsOf: orderLocations,
});

const pick = (channels: string[] | undefined) => (channels ? { channels } : {});

export const ORDER_ROUTES = [createOrderRoute, getOrderRoute, cancelOrderRoute];
