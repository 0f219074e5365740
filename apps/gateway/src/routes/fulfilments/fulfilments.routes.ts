import {
  Id,
  LIMITS,
  Type,
  routing,
  strict,
  type RequestContract,
  type Static,
  type TSchema,
} from '@omnistock/contracts';
import { actorOf } from '../../auth/api-key.js';
import { natsRoute, type Lookup } from '../route.js';

const FulfilmentPath = Type.Object({ id: Id }, strict);
const SCOPES = ['warehouse', 'store'] as const;

/** A fulfilment acts at its location: a store key works its own store's queue only. */
const fulfilmentLocation = async (payload: { id: string }, lookup: Lookup) => [
  (await lookup(routing.getFulfilment, { id: payload.id })).location,
];

/** The six lifecycle commands share a shape: the fulfilment in the path, the key as actor. */
const command = <Req extends TSchema, B extends TSchema>(
  verb: string,
  summary: string,
  contract: RequestContract<Req, typeof routing.FulfilmentView>,
  /** Absent for commands that take no body (an empty one, or `{}`, at most). */
  body?: B,
) =>
  natsRoute({
    method: 'POST',
    path: `/v1/fulfilments/:id/${verb}`,
    tag: 'fulfilments',
    summary,
    scopes: SCOPES,
    status: 200,
    params: FulfilmentPath,
    ...(body ? { body } : {}),
    reply: routing.FulfilmentView,
    contract,
    toPayload: ({ params, body }, caller) =>
      ({ ...(body as object), id: params.id, actor: actorOf(caller) }) as Static<Req>,
    locationsOf: (payload, lookup) => fulfilmentLocation(payload as { id: string }, lookup),
  });

export const acceptFulfilmentRoute = command(
  'accept',
  'The location takes the fulfilment on (its stock is committed).',
  routing.acceptFulfilment,
);
export const rejectFulfilmentRoute = command(
  'reject',
  'The location cannot fulfil: its stock is released, missing lines raise cycle counts, and the order is routed elsewhere or backordered.',
  routing.rejectFulfilment,
  Type.Omit(routing.rejectFulfilment.request.schema, ['id', 'actor']),
);
export const shipFulfilmentRoute = command(
  'ship',
  'The parcel left (the ledger posts the shipment).',
  routing.shipFulfilment,
  Type.Object(
    { tracking: Type.Optional(Type.String({ minLength: 1, maxLength: LIMITS.reason_length_max })) },
    strict,
  ),
);
export const readyFulfilmentRoute = command(
  'ready',
  'A pickup order is ready at the store.',
  routing.readyFulfilment,
);
export const collectFulfilmentRoute = command(
  'collect',
  'The customer collected (the ledger posts it).',
  routing.collectFulfilment,
);
export const deliverFulfilmentRoute = command(
  'deliver',
  'The carrier delivered the parcel.',
  routing.deliverFulfilment,
);

/** A location's queue. A location-bound key must name its location (`?location=`). */
export const listFulfilmentsRoute = natsRoute({
  method: 'GET',
  path: '/v1/fulfilments',
  tag: 'fulfilments',
  summary:
    'Fulfilments by location and status, oldest first: a store or warehouse works this queue.',
  scopes: SCOPES,
  status: 200,
  query: routing.listFulfilments.request.schema,
  reply: routing.listFulfilments.reply,
  contract: routing.listFulfilments,
  toPayload: ({ query }) => query,
  locationsOf: (payload) => (payload.location ? [payload.location] : undefined),
});

export const FULFILMENT_ROUTES = [
  listFulfilmentsRoute,
  acceptFulfilmentRoute,
  rejectFulfilmentRoute,
  shipFulfilmentRoute,
  readyFulfilmentRoute,
  collectFulfilmentRoute,
  deliverFulfilmentRoute,
];
