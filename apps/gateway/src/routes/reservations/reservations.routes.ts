import { Id, Type, ledger, strict } from '@omnistock/contracts';
import { actorOf } from '../../auth/api-key.js';
import { natsRoute, type Lookup } from '../route.js';

const HoldPath = Type.Object({ id: Id }, strict);
const SCOPES = ['storefront', 'store'] as const;

/** A hold named only by id acts where its lines are: asked of the ledger for location-bound keys. */
const holdLocations = async (payload: { id: string }, lookup: Lookup) =>
  (await lookup(ledger.getHold, { id: payload.id })).lines.map((line) => line.location);

/** The body is the ledger's reserve payload without `actor`: the gateway says who acted (the key). */
export const reserveRoute = natsRoute({
  method: 'POST',
  path: '/v1/reservations',
  tag: 'reservations',
  summary:
    'Hold stock for a cart, all or nothing. `id` is the idempotency key: a replay answers the first reply.',
  scopes: SCOPES,
  status: 201,
  body: Type.Omit(ledger.reserve.request.schema, ['actor']),
  reply: ledger.reserve.reply,
  contract: ledger.reserve,
  toPayload: ({ body }, caller) => ({ ...body, actor: actorOf(caller) }),
  locationsOf: (payload) => payload.lines.map((line) => line.location),
});

export const releaseRoute = natsRoute({
  method: 'DELETE',
  path: '/v1/reservations/:id',
  tag: 'reservations',
  summary: 'Give a hold back to stock. Releasing a released hold answers the same.',
  scopes: SCOPES,
  status: 200,
  params: HoldPath,
  reply: ledger.release.reply,
  contract: ledger.release,
  toPayload: ({ params }, caller) => ({ id: params.id, actor: actorOf(caller) }),
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
  body: Type.Omit(ledger.extend.request.schema, ['id', 'actor']),
  reply: ledger.extend.reply,
  contract: ledger.extend,
  toPayload: ({ params, body }, caller) => ({
    id: params.id,
    ttlSeconds: body.ttlSeconds,
    actor: actorOf(caller),
  }),
  locationsOf: holdLocations,
});
