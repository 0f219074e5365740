import { SERVICE_NAMES, Type } from '@omnistock/contracts';
import { route } from '../routes/route.js';

const ServiceStatus = Type.Object({
  service: Type.Union(SERVICE_NAMES.map((name) => Type.Literal(name))),
  up: Type.Boolean(),
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded'), Type.Literal('down')]),
  latencyMs: Type.Number(),
  instance: Type.Optional(Type.String()),
  uptimeSeconds: Type.Optional(Type.Number()),
  checks: Type.Optional(
    Type.Record(
      Type.String(),
      Type.Object({ ok: Type.Boolean(), detail: Type.Optional(Type.Unknown()) }),
    ),
  ),
  error: Type.Optional(Type.Object({ code: Type.String(), message: Type.String() })),
});

export const HealthReport = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
  /** One line per service that is not ok, e.g. "ledger: down (no responders)". */
  problems: Type.Array(Type.String()),
  services: Type.Array(ServiceStatus),
});

export const healthRoute = route({
  method: 'GET',
  path: '/health',
  tag: 'operations',
  summary:
    'Every service`s health (Postgres, NATS, outbox lag) over NATS: 200 when all are ok, 503 listing what is not.',
  scopes: 'open',
  status: 200,
  reply: HealthReport,
});
