import { Id, Type, ledger, strict } from '@omnistock/contracts';
import { actorOf, cartPrincipalOf, type Caller } from '../../auth/api-key.js';
import { natsRoute, type Lookup } from '../route.js';

const HoldPath = Type.Object({ id: Id }, strict);
const SCOPES = ['storefront', 'store'] as const;

/**
 * A hold named only by id acts where its lines are: asked of the ledger for location-bound
 * keys, as the key's own principal, so another channel's hold is not found either way.
 */
const holdLocations = async (
  payload: { id: string; principal: ledger.HoldPrincipalType },
  lookup: Lookup,
) =>
  (await lookup(ledger.getHold, { id: payload.id, principal: payload.principal })).lines.map(
    (line) => line.location,
  );

/**
 * The body is the ledger's reserve payload without `actor` and `orderId`: the gateway says
 * who acted (the key), and a storefront's hold is a cart's — only order routing makes holds
 * for orders.
 */
export const reserveRoute = natsRoute({
  method: 'POST',
  path: '/v1/reservations',
  tag: 'reservations',
  summary:
    'Hold stock for a cart, all or nothing. `id` is the idempotency key: a replay answers the first reply. The hold is the channel`s until an order adopts it.',
  scopes: SCOPES,
  status: 201,
  body: Type.Omit(ledger.reserve.request.schema, ['actor', 'orderId']),
  reply: ledger.reserve.reply,
  contract: ledger.reserve,
  toPayload: ({ body }, caller) => ({ ...body, actor: actorOf(caller) }),
  channelsOf: (payload) => [payload.channel],
  locationsOf: (payload) => payload.lines.map((line) => line.location),
});

const asCart = (id: string, caller: Caller) => ({
  id,
  principal: cartPrincipalOf(caller),
  actor: actorOf(caller),
});

export const getReservationRoute = natsRoute({
  method: 'GET',
  path: '/v1/reservations/:id',
  tag: 'reservations',
  summary:
    'A hold as it stands, with the order that owns it once one has adopted it. Another channel`s hold is not found.',
  scopes: SCOPES,
  status: 200,
  params: HoldPath,
  reply: ledger.getHold.reply,
  contract: ledger.getHold,
  toPayload: ({ params }, caller) => ({ id: params.id, principal: cartPrincipalOf(caller) }),
  locationsOf: (payload, lookup) =>
    holdLocations({ id: payload.id, principal: payload.principal ?? { kind: 'cart' } }, lookup),
});

export const releaseRoute = natsRoute({
  method: 'DELETE',
  path: '/v1/reservations/:id',
  tag: 'reservations',
  summary:
    'Give a cart hold back to stock. Releasing a released hold answers the same; a hold an order adopted is HOLD_OWNED_BY_ORDER (cancel the order instead).',
  scopes: SCOPES,
  status: 200,
  params: HoldPath,
  reply: ledger.release.reply,
  contract: ledger.release,
  toPayload: ({ params }, caller) => asCart(params.id, caller),
  locationsOf: holdLocations,
});

export const extendRoute = natsRoute({
  method: 'POST',
  path: '/v1/reservations/:id/extend',
  tag: 'reservations',
  summary:
    'Set a held cart hold to expire ttlSeconds from now (setting, not adding: a retry is harmless).',
  scopes: SCOPES,
  status: 200,
  params: HoldPath,
  body: Type.Omit(ledger.extend.request.schema, ['id', 'actor', 'principal']),
  reply: ledger.extend.reply,
  contract: ledger.extend,
  toPayload: ({ params, body }, caller) => ({
    ...asCart(params.id, caller),
    ttlSeconds: body.ttlSeconds,
  }),
  locationsOf: holdLocations,
});
