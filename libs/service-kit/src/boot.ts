import type { ServiceName } from '@omnistock/contracts';
import { createServiceDataSource, prepareDatabase } from '@omnistock/database';
import {
  connectNats,
  ensureEventStream,
  OmnistockNatsServer,
  OutboxRelay,
} from '@omnistock/messaging';
import { createLogger, ServiceMetrics } from '@omnistock/observability';
import { Module, type DynamicModule, type INestMicroservice, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NatsConnection } from '@nats-io/transport-node';
import { DataSource } from 'typeorm';
import { ConfigError, loadServiceConfig, type ServiceConfig } from './config.js';
import { healthControllerFor } from './health.js';
import { ServiceRuntime } from './runtime.js';

/** A background loop of a service (expiry sweeper, event consumer); stopped before the database closes. */
export interface Worker {
  start(): void | Promise<void>;
  stop(): Promise<void>;
}

export interface ServiceDefinition {
  name: ServiceName;
  /** The Postgres schema this service alone owns. */
  schema: string;
  module: Type<unknown>;
  entities: Function[];
  migrations: Function[];
  workers?: (runtime: ServiceRuntime, app: INestMicroservice) => Worker[];
}

export interface RunningService {
  runtime: ServiceRuntime;
  app: INestMicroservice;
  workers: Worker[];
  close(): Promise<void>;
}

/**
 * Boot order: database (schema + migrations, so a replica never serves an old schema),
 * NATS and the event stream, then the Nest microservice, then the outbox relay and workers.
 */
export async function startService(
  definition: ServiceDefinition,
  config: ServiceConfig,
): Promise<RunningService> {
  const logger = createLogger(definition.name, config.instanceId, config.logLevel);
  const metrics = new ServiceMetrics(definition.name, config.instanceId);
  const dataSource = createServiceDataSource({
    url: config.databaseUrl,
    schema: definition.schema,
    entities: definition.entities,
    migrations: definition.migrations,
    poolSize: config.databasePoolSize,
    applicationName: `omnistock-${definition.name}-${config.instanceId}`,
  });
  await prepareDatabase(dataSource, config.databaseUrl, definition.schema);
  const connection = await connectNats(
    config.natsUrl,
    `omnistock-${definition.name}-${config.instanceId}`,
  );
  await ensureEventStream(connection, config.natsNamespace);
  const outboxRelay = new OutboxRelay(dataSource, connection, config.natsNamespace, {
    onError: (error) => {
      metrics.natsErrors.inc();
      logger.warn({ err: error }, 'outbox relay failed; retrying');
    },
  });
  const runtime = new ServiceRuntime(
    definition.name,
    config,
    logger,
    metrics,
    dataSource,
    connection,
    outboxRelay,
  );

  @Module({})
  class ServiceKitModule {}
  @Module({})
  class ServiceRootModule {}
  const kit: DynamicModule = {
    module: ServiceKitModule,
    global: true,
    providers: [
      { provide: ServiceRuntime, useValue: runtime },
      { provide: DataSource, useValue: dataSource },
    ],
    exports: [ServiceRuntime, DataSource],
  };
  const root: DynamicModule = {
    module: ServiceRootModule,
    imports: [kit, definition.module],
    controllers: [healthControllerFor(definition.name)],
  };
  const strategy = new OmnistockNatsServer({
    servers: config.natsUrl,
    name: `omnistock-${definition.name}-${config.instanceId}-rpc`,
    queue: `omnistock-${definition.name}`,
    namespace: config.natsNamespace,
  });
  const app = await NestFactory.createMicroservice(root, { strategy, logger: ['error', 'warn'] });
  await app.listen();
  // Subscriptions are only sent to the server on the next flush; "ready" must mean reachable.
  await strategy.unwrap<NatsConnection>().flush();
  outboxRelay.start();
  const workers = definition.workers?.(runtime, app) ?? [];
  for (const worker of workers) await worker.start();
  logger.info({ namespace: config.natsNamespace || undefined }, `${definition.name} ready`);

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      for (const worker of [...workers].reverse()) await worker.stop();
      await outboxRelay.stop();
      await app.close();
      await connection.close();
      await dataSource.destroy();
      logger.info(`${definition.name} stopped`);
    })());
  return { runtime, app, workers, close };
}

/** The body of every app's main.ts: configure from the environment, start, stop cleanly on a signal. */
export async function runServiceMain(definition: ServiceDefinition): Promise<void> {
  let config: ServiceConfig;
  try {
    config = loadServiceConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${definition.name}: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const running = await startService(definition, config);
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
