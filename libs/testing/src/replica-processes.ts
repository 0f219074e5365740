import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServiceName } from '@omnistock/contracts';
import type { ServiceConfig } from '@omnistock/service-kit';
import { ensureBuilt } from './ensure-built.js';
import { stopChild } from './stop-child.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const READY_WAIT_MS_MAX = 60_000;

/** Where each service's built entry point lives, from the workspace root. */
export const SERVICE_ENTRY_POINTS: Record<ServiceName, string> = {
  ledger: 'dist/apps/stock-ledger/src/main.js',
  routing: 'dist/apps/order-routing/src/main.js',
  promise: 'dist/apps/delivery-promise/src/main.js',
  returns: 'dist/apps/returns/src/main.js',
  gateway: 'dist/apps/gateway/src/main.js',
};

export interface ReplicaProcess {
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * A replica of a service as a process of its own, configured like the in-process one, so
 * requests in the suite are shared between processes by the queue group. Resolves once
 * the replica logged that it is ready.
 */
export async function startReplicaProcess(
  service: ServiceName,
  config: ServiceConfig,
): Promise<ReplicaProcess> {
  // The gateway is an HTTP service with a port of its own: started apart.
  if (service === 'gateway') throw new Error('no process replicas for gateway');
  const entry = SERVICE_ENTRY_POINTS[service];
  // Replicas in processes run the built code.
  ensureBuilt(Object.values(SERVICE_ENTRY_POINTS));
  const child = spawn(process.execPath, [join(ROOT, entry)], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: config.databaseUrl,
      NATS_URL: config.natsUrl,
      OMNISTOCK_NATS_NAMESPACE: config.natsNamespace,
      OMNISTOCK_INSTANCE_ID: config.instanceId,
      DATABASE_POOL_SIZE: String(config.databasePoolSize),
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${service} replica not ready in ${READY_WAIT_MS_MAX} ms`)),
      READY_WAIT_MS_MAX,
    );
    let seen = '';
    const onData = (chunk: Buffer) => {
      seen = (seen + chunk.toString()).slice(-4096);
      if (seen.includes(`"msg":"${service} ready"`)) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        child.stdout!.resume();
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${service} replica exited with ${code} before it was ready`));
    });
  });
  return {
    process: child,
    stop: () => stopChild(child),
  };
}
