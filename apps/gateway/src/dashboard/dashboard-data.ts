import { ledger, type ServiceName } from '@omnistock/contracts';
import type { ServiceMetricsText, ServiceStatus } from '../health/service-probe.js';
import { describeProblem } from '../health/describe-problem.js';
import type { RecentError } from '../http/telemetry.js';
import { parseSamples, type Sample } from '../metrics/prometheus-text.js';

/** Running totals of one replica; the page turns two snapshots into rates, so the gateway keeps no history. */
export interface ServiceCounters {
  /** The replica these totals are from: rates are only taken between snapshots of one replica. */
  instance: string | null;
  requests: number;
  /** Answers that were the platform's fault (INTERNAL, SERVICE_UNAVAILABLE, HTTP 5xx). */
  failures: number;
  /** Answers that refused the caller (validation, stock, auth: HTTP 4xx). */
  rejections: number;
  holds: number;
  expiries: number;
}

export interface DashboardService {
  service: ServiceName;
  up: boolean;
  status: ServiceStatus['status'];
  latencyMs: number;
  instance: string | null;
  uptimeSeconds: number | null;
  problem: string | null;
  outbox: { pending: number; lagSeconds: number } | null;
  counters: ServiceCounters | null;
}

export interface DashboardData {
  generatedAt: string;
  services: DashboardService[];
  recentErrors: RecentError[];
}

const PLATFORM_FAULTS = new Set(['INTERNAL', 'SERVICE_UNAVAILABLE']);

const sum = (
  samples: Sample[],
  name: string,
  where: (labels: Record<string, string>) => boolean = () => true,
) =>
  samples
    .filter((sample) => sample.name === name && where(sample.labels))
    .reduce((total, sample) => total + sample.value, 0);

export function countersOf(samples: Sample[]): ServiceCounters {
  const http = 'omnistock_gateway_http_requests_total';
  const nats = 'omnistock_requests_total';
  const status = (labels: Record<string, string>) => Number(labels.status ?? 0);
  return {
    instance: samples.find((sample) => sample.labels.instance)?.labels.instance ?? null,
    requests: sum(samples, nats) + sum(samples, http),
    failures:
      sum(samples, nats, (labels) => PLATFORM_FAULTS.has(labels.outcome ?? '')) +
      sum(samples, http, (labels) => status(labels) >= 500),
    rejections:
      sum(
        samples,
        nats,
        (labels) => labels.outcome !== 'ok' && !PLATFORM_FAULTS.has(labels.outcome ?? ''),
      ) + sum(samples, http, (labels) => status(labels) >= 400 && status(labels) < 500),
    holds: sum(
      samples,
      nats,
      (labels) => labels.subject === ledger.reserve.subject && labels.outcome === 'ok',
    ),
    expiries: sum(samples, 'omnistock_hold_expiries_total'),
  };
}

function outboxOf(status: ServiceStatus): DashboardService['outbox'] {
  const detail = status.checks?.outbox?.detail as
    { pending?: number; oldest_age_s?: number } | undefined;
  if (typeof detail?.pending !== 'number') return null;
  return { pending: detail.pending, lagSeconds: Math.round((detail.oldest_age_s ?? 0) * 10) / 10 };
}

export function dashboardData(
  health: ServiceStatus[],
  metrics: ServiceMetricsText[],
  recentErrors: RecentError[],
): DashboardData {
  const metricsByService = new Map(metrics.map((result) => [result.service, result]));
  return {
    generatedAt: new Date().toISOString(),
    services: health.map((status) => {
      const text = metricsByService.get(status.service)?.text;
      return {
        service: status.service,
        up: status.up,
        status: status.status,
        latencyMs: status.latencyMs,
        instance: status.instance ?? null,
        uptimeSeconds: status.uptimeSeconds ?? null,
        problem: status.status === 'ok' ? null : describeProblem(status),
        outbox: outboxOf(status),
        counters: text === undefined ? null : countersOf(parseSamples(text)),
      };
    }),
    recentErrors,
  };
}
