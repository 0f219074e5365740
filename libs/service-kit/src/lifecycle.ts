import { OmnistockNatsServer } from '@omnistock/messaging';
import type { ServiceName } from '@omnistock/contracts';
import type { ServiceConfig } from './config.js';
import type { ServiceRuntime } from './runtime.js';

/** A background loop of a service (expiry sweeper, event consumer); stopped before the database closes. */
export interface Worker {
  start(): void | Promise<void>;
  stop(): Promise<void>;
}

/** Nest's NATS transport for one service: its queue group, so replicas share each subject. */
export function natsStrategyFor(service: ServiceName, config: ServiceConfig): OmnistockNatsServer {
  return new OmnistockNatsServer({
    servers: config.natsUrl,
    name: `omnistock-${service}-${config.instanceId}-rpc`,
    queue: `omnistock-${service}`,
    namespace: config.natsNamespace,
    auth: config.natsAuth,
  });
}

/** Starts the relay and the workers: last, once the service answers requests. */
export async function startBackground(runtime: ServiceRuntime, workers: Worker[]): Promise<void> {
  runtime.outboxRelay.start();
  for (const worker of workers) await worker.start();
}

/**
 * Stops in the reverse order of boot — workers, relay, Nest, NATS, database — once,
 * however many times it is called.
 */
export function closerFor(
  runtime: ServiceRuntime,
  workers: Worker[],
  closeApp: () => Promise<void>,
): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () =>
    (closing ??= (async () => {
      for (const worker of [...workers].reverse()) await worker.stop();
      await runtime.outboxRelay.stop();
      await closeApp();
      await runtime.connection.close();
      await runtime.dataSource.destroy();
      runtime.logger.info(`${runtime.service} stopped`);
    })());
}

/** Ctrl-C or a stop from the orchestrator closes the service cleanly, then ends the process. */
export function stopOnSignals(running: { runtime: ServiceRuntime; close(): Promise<void> }): void {
  const shutdown = (signal: string) => {
    running.runtime.logger.info({ signal }, 'shutting down');
    running.close().then(
      () => process.exit(0),
      (error) => {
        running.runtime.logger.error({ err: error }, 'unclean shutdown');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}
