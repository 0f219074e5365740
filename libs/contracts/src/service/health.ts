import { Type } from '@sinclair/typebox';
import { defineRequest, strict } from '../schema.js';

export const SERVICE_NAMES = ['ledger', 'routing', 'promise', 'returns', 'gateway'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

export const HealthReply = Type.Object({
  service: Type.String(),
  instance: Type.String(),
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
  uptimeSeconds: Type.Number(),
  checks: Type.Record(
    Type.String(),
    Type.Object({
      ok: Type.Boolean(),
      detail: Type.Optional(Type.Unknown()),
      latencyMs: Type.Optional(Type.Number()),
    }),
  ),
});

const makeHealth = (service: ServiceName) =>
  defineRequest({
    subject: `omnistock.v1.${service}.health`,
    summary: `Liveness of the ${service} service: Postgres, NATS and outbox lag as seen by one replica.`,
    request: Type.Object({}, strict),
    reply: HealthReply,
  });

const makeMetrics = (service: ServiceName) =>
  defineRequest({
    subject: `omnistock.v1.${service}.metrics`,
    summary: `Prometheus text exposition of one ${service} replica.`,
    request: Type.Object({}, strict),
    reply: Type.Object({ text: Type.String() }),
  });

export const health = {
  ledger: makeHealth('ledger'),
  routing: makeHealth('routing'),
  promise: makeHealth('promise'),
  returns: makeHealth('returns'),
  gateway: makeHealth('gateway'),
} as const;

export const metrics = {
  ledger: makeMetrics('ledger'),
  routing: makeMetrics('routing'),
  promise: makeMetrics('promise'),
  returns: makeMetrics('returns'),
  gateway: makeMetrics('gateway'),
} as const;
