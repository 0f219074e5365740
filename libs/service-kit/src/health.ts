import {
  health as healthContracts,
  metrics as metricsContracts,
  ok,
  type ServiceName,
} from '@omnistock/contracts';
import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ServiceRuntime } from './runtime.js';
import { serveRequest } from './serve-request.js';

const OUTBOX_LAG_S_MAX = 30;

export async function checkHealth(runtime: ServiceRuntime) {
  const checks: Record<string, { ok: boolean; detail?: unknown; latencyMs?: number }> = {};
  const started = performance.now();
  try {
    await runtime.dataSource.query('SELECT 1');
    checks.postgres = { ok: true, latencyMs: performance.now() - started };
  } catch (error) {
    checks.postgres = { ok: false, detail: String((error as Error).message) };
  }
  checks.nats = { ok: !runtime.connection.isClosed() };
  try {
    const lag = await runtime.outboxRelay.lag();
    runtime.metrics.outboxPending.set(lag.pending);
    runtime.metrics.outboxLagSeconds.set(lag.oldest_age_s);
    checks.outbox = {
      ok: runtime.outboxRelay.isRunning && lag.oldest_age_s < OUTBOX_LAG_S_MAX,
      detail: { ...lag, relayRunning: runtime.outboxRelay.isRunning },
    };
  } catch (error) {
    checks.outbox = { ok: false, detail: String((error as Error).message) };
  }
  const healthy = Object.values(checks).every((check) => check.ok);
  return {
    service: runtime.service,
    instance: runtime.config.instanceId,
    status: healthy ? ('ok' as const) : ('degraded' as const),
    uptimeSeconds: (Date.now() - runtime.startedAtMs) / 1000,
    checks,
  };
}

/** Health and metrics subjects are per service, so the controller class is made per service. */
export function healthControllerFor(service: ServiceName) {
  const healthContract = healthContracts[service];
  const metricsContract = metricsContracts[service];

  @Controller()
  class HealthController {
    constructor(@Inject(ServiceRuntime) private readonly runtime: ServiceRuntime) {}

    @MessagePattern(healthContract.subject)
    health(@Payload() payload: unknown) {
      return serveRequest(this.runtime, healthContract, payload, async () =>
        ok(await checkHealth(this.runtime)),
      );
    }

    @MessagePattern(metricsContract.subject)
    metrics(@Payload() payload: unknown) {
      return serveRequest(this.runtime, metricsContract, payload, async () => {
        await checkHealth(this.runtime);
        return ok({ text: await this.runtime.metrics.registry.metrics() });
      });
    }
  }
  return HealthController;
}
