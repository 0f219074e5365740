import { health, metrics, SERVICE_NAMES, type ServiceName } from '@omnistock/contracts';
import { checkHealth, ServiceRuntime } from '@omnistock/service-kit';
import { Inject, Injectable } from '@nestjs/common';
import { GATEWAY_SETTINGS, type GatewaySettings } from '../routes/gateway-settings.js';

export interface ServiceStatus {
  service: ServiceName;
  /** Answered its health subject in time. */
  up: boolean;
  /** ok: up and every check passed; degraded: up with a failing check; down: no answer. */
  status: 'ok' | 'degraded' | 'down';
  latencyMs: number;
  instance?: string;
  uptimeSeconds?: number;
  checks?: Record<string, { ok: boolean; detail?: unknown; latencyMs?: number }>;
  error?: { code: string; message: string };
}

export interface ServiceMetricsText {
  service: ServiceName;
  ok: boolean;
  latencyMs: number;
  text?: string;
  error?: { code: string; message: string };
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/**
 * Asks every service how it is over its NATS health and metrics subjects, in parallel,
 * each with the short health timeout: a dead service costs the page one timeout, not one
 * per service. The gateway answers for itself without a hop. A queue group hands each
 * question to one replica, so what comes back describes that replica.
 */
@Injectable()
export class ServiceProbe {
  constructor(
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    @Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings,
  ) {}

  healthOfAll(requestId: string): Promise<ServiceStatus[]> {
    return Promise.all(SERVICE_NAMES.map((service) => this.healthOf(service, requestId)));
  }

  metricsOfAll(requestId: string): Promise<ServiceMetricsText[]> {
    return Promise.all(SERVICE_NAMES.map((service) => this.metricsOf(service, requestId)));
  }

  private async healthOf(service: ServiceName, requestId: string): Promise<ServiceStatus> {
    const started = performance.now();
    if (service === this.runtime.service) {
      const report = await checkHealth(this.runtime);
      return { up: true, latencyMs: round(performance.now() - started), ...report, service };
    }
    const reply = await this.runtime.requester.request(
      health[service],
      {},
      { timeout_ms: this.settings.healthTimeoutMs, requestId },
    );
    const latencyMs = round(performance.now() - started);
    if (!reply.ok)
      return {
        service,
        up: false,
        status: 'down',
        latencyMs,
        error: { code: reply.error.code, message: reply.error.message },
      };
    return { up: true, latencyMs, ...reply.value, service };
  }

  private async metricsOf(service: ServiceName, requestId: string): Promise<ServiceMetricsText> {
    const started = performance.now();
    if (service === this.runtime.service) {
      await checkHealth(this.runtime); // refreshes the outbox gauges, as every service does before it answers
      return {
        service,
        ok: true,
        latencyMs: round(performance.now() - started),
        text: await this.runtime.metrics.registry.metrics(),
      };
    }
    const reply = await this.runtime.requester.request(
      metrics[service],
      {},
      { timeout_ms: this.settings.healthTimeoutMs, requestId },
    );
    const latencyMs = round(performance.now() - started);
    if (!reply.ok)
      return {
        service,
        ok: false,
        latencyMs,
        error: { code: reply.error.code, message: reply.error.message },
      };
    return { service, ok: true, latencyMs, text: reply.value.text };
  }
}
