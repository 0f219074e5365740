import { Type } from '@omnistock/contracts';
import { route } from '../routes/route.js';

/** On-call views: ops, and admin too (whoever holds the bootstrap key can see the platform). */
export const OPS_SCOPES = ['ops', 'admin'] as const;

export const metricsRoute = route({
  method: 'GET',
  path: '/metrics',
  tag: 'operations',
  summary:
    'Prometheus text of the gateway and every service (one replica each, as the queue group picks), labelled by service; omnistock_gateway_scrape_up says which answered.',
  scopes: OPS_SCOPES,
  status: 200,
  reply: Type.String(),
  produces: 'text/plain; version=0.0.4; charset=utf-8',
});
