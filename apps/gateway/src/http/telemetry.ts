import type { ServiceMetrics } from '@omnistock/observability';
import { Counter, Histogram } from 'prom-client';
import type { FastifyRequest } from 'fastify';
import type { GatewayError } from './gateway-error.js';

export interface RecentError {
  at: string;
  requestId: string;
  method: string;
  route: string;
  status: number;
  code: string;
  message: string;
}

/** The dashboard shows this many of the latest failures this replica answered. */
export const RECENT_ERRORS_MAX = 50;

/** The gateway's own metrics (beside the common ones) and its short memory of recent failures. */
export class GatewayTelemetry {
  readonly httpRequests: Counter<'route' | 'method' | 'status'>;
  readonly httpSeconds: Histogram<'route' | 'method'>;
  readonly rateLimited: Counter;
  readonly authFailures: Counter<'code'>;
  private readonly recent: RecentError[] = [];

  constructor(metrics: ServiceMetrics) {
    this.httpRequests = new Counter({
      name: 'omnistock_gateway_http_requests_total',
      help: 'HTTP requests answered, by route pattern, method and status.',
      labelNames: ['route', 'method', 'status'],
      registers: [metrics.registry],
    });
    this.httpSeconds = new Histogram({
      name: 'omnistock_gateway_http_request_duration_seconds',
      help: 'Time from an HTTP request arriving to its reply, by route pattern.',
      labelNames: ['route', 'method'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [metrics.registry],
    });
    this.rateLimited = new Counter({
      name: 'omnistock_gateway_rate_limited_total',
      help: 'Requests refused with RATE_LIMITED.',
      registers: [metrics.registry],
    });
    this.authFailures = new Counter({
      name: 'omnistock_gateway_auth_failures_total',
      help: 'Requests refused as UNAUTHENTICATED or FORBIDDEN.',
      labelNames: ['code'],
      registers: [metrics.registry],
    });
  }

  recordError(request: FastifyRequest, error: GatewayError): void {
    if (error.code === 'RATE_LIMITED') this.rateLimited.inc();
    if (error.code === 'UNAUTHENTICATED' || error.code === 'FORBIDDEN')
      this.authFailures.inc({ code: error.code });
    this.recent.push({
      at: new Date().toISOString(),
      requestId: String(request.id),
      method: request.method,
      route: routeLabel(request),
      status: error.status,
      code: error.code,
      message: error.message,
    });
    if (this.recent.length > RECENT_ERRORS_MAX) this.recent.shift();
  }

  recentErrors(): RecentError[] {
    return [...this.recent].reverse();
  }
}

/** The route pattern, never the raw URL: bounded label values, and no ids or keys in metrics. */
export function routeLabel(request: FastifyRequest): string {
  return request.routeOptions?.url ?? 'unmatched';
}
