import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { health, type ServiceName } from '@omnistock/contracts';
import type { NatsRequester } from '@omnistock/messaging';
import { ensureBuilt as ensureBuiltFiles, SERVICE_ENTRY_POINTS } from '@omnistock/testing';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const HEALTH_WAIT_MS_MAX = 30_000;

/** Chaos needs real processes to kill; they run the built code, so build once if it is missing. */
export function ensureBuilt(): void {
  ensureBuiltFiles(Object.values(SERVICE_ENTRY_POINTS));
}

/** Chaos tests take the port helper from here with the rest of their process kit. */
export { freePort } from '@omnistock/testing';

export function startServiceProcess(
  service: ServiceName,
  env: Record<string, string>,
): ChildProcess {
  return spawn(process.execPath, [join(ROOT, SERVICE_ENTRY_POINTS[service])], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'silent', DATABASE_POOL_SIZE: '6', ...env },
    stdio: 'ignore',
  });
}

export async function waitForHealth(client: NatsRequester, service: ServiceName): Promise<void> {
  const deadline_ms = Date.now() + HEALTH_WAIT_MS_MAX;
  while (Date.now() < deadline_ms) {
    if ((await client.request(health[service], {}, { timeout_ms: 1_000 })).ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${service} did not answer health in ${HEALTH_WAIT_MS_MAX} ms`);
}

/** Chaos tests take their private NATS and the stop helper from here with the rest of their process kit. */
export { NATS_SERVER_PRESENT, PrivateNats, stopChild as stop } from '@omnistock/testing';
