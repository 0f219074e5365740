import { Id, Type, promise, strict } from '@omnistock/contracts';
import { natsRoute } from '../route.js';

const PromisePath = Type.Object({ promiseId: Id }, strict);

/**
 * The storefront's quote. The body is the contract's without `now`: over HTTP the clock is
 * the service's, never the caller's (a shopper must not move a cut-off by saying so).
 */
export const quoteRoute = natsRoute({
  method: 'POST',
  path: '/v1/delivery-promises',
  tag: 'delivery promises',
  summary:
    'Delivery and pickup options for a destination and lines, earliest first, then cheapest; each with a window, a cut-off and a promiseId to order on.',
  scopes: ['storefront'],
  status: 200,
  body: Type.Omit(promise.quote.request.schema, ['now']),
  reply: promise.quote.reply,
  contract: promise.quote,
  toPayload: ({ body }) => body,
});

export const getPromiseRoute = natsRoute({
  method: 'GET',
  path: '/v1/delivery-promises/:promiseId',
  tag: 'delivery promises',
  summary: 'A quoted promise, the inputs it was computed from, and whether it was kept.',
  scopes: ['storefront', 'ops', 'admin'],
  status: 200,
  params: PromisePath,
  reply: promise.getPromise.reply,
  contract: promise.getPromise,
  toPayload: ({ params }) => ({ promiseId: params.promiseId }),
});

export const configureCarriersRoute = natsRoute({
  method: 'POST',
  path: '/v1/delivery-promises/carriers',
  tag: 'delivery promises',
  summary:
    'Create or replace carriers and their service levels in bulk (the same body twice changes nothing).',
  scopes: ['admin'],
  status: 200,
  body: promise.configureCarriers.request.schema,
  reply: promise.configureCarriers.reply,
  contract: promise.configureCarriers,
  toPayload: ({ body }) => body,
});

export const configureCalendarsRoute = natsRoute({
  method: 'POST',
  path: '/v1/delivery-promises/calendars',
  tag: 'delivery promises',
  summary:
    'Create or replace location calendars: opening hours, holidays, cut-off, processing and pickup lead times.',
  scopes: ['admin'],
  status: 200,
  body: promise.configureCalendars.request.schema,
  reply: promise.configureCalendars.reply,
  contract: promise.configureCalendars,
  toPayload: ({ body }) => body,
  locationsOf: (payload) => payload.calendars.map((calendar) => calendar.location),
});

export const keptRateRoute = natsRoute({
  method: 'GET',
  path: '/v1/delivery-promises/kept-rate',
  tag: 'delivery promises',
  summary:
    'Promises measured (early, on time, late) and the share kept, by carrier, service level, location or cut-off.',
  scopes: ['ops', 'admin'],
  status: 200,
  query: promise.keptRate.request.schema,
  reply: promise.keptRate.reply,
  contract: promise.keptRate,
  toPayload: ({ query }) => query,
});

/** Listed once in all-routes.ts. */
export const PROMISE_ROUTES = [
  quoteRoute,
  keptRateRoute,
  getPromiseRoute,
  configureCarriersRoute,
  configureCalendarsRoute,
];
