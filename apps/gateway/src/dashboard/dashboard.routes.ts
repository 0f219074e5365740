import { Type } from '@omnistock/contracts';
import { OPS_SCOPES } from '../metrics/metrics.routes.js';
import { route } from '../routes/route.js';

/**
 * The page is open because it holds nothing: no data, no key. Its data come from
 * /dashboard/data with an ops key that the page reads from its URL fragment (#key=…),
 * which browsers never send to a server, so the key stays out of access logs and Referer.
 */
export const dashboardPageRoute = route({
  method: 'GET',
  path: '/dashboard',
  tag: 'operations',
  summary:
    'The on-call page (HTML, no build step). Open it as /dashboard#key=<ops key>; it refreshes every 2 s.',
  scopes: 'open',
  status: 200,
  // ?key= works too (some tools cannot open fragments); the server ignores it and never logs query strings.
  query: Type.Object(
    { key: Type.Optional(Type.String({ maxLength: 200 })) },
    { additionalProperties: false },
  ),
  reply: Type.String(),
  produces: 'text/html; charset=utf-8',
});

export const dashboardDataRoute = route({
  method: 'GET',
  path: '/dashboard/data',
  tag: 'operations',
  summary:
    'What the dashboard shows: each service up/down, latency, outbox, running totals; recent errors of this replica.',
  scopes: OPS_SCOPES,
  status: 200,
  reply: Type.Object({
    generatedAt: Type.String(),
    services: Type.Array(
      Type.Object(
        { service: Type.String(), up: Type.Boolean(), status: Type.String() },
        { additionalProperties: true },
      ),
    ),
    recentErrors: Type.Array(Type.Object({}, { additionalProperties: true })),
  }),
});
