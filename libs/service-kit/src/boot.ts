import type { ServiceName } from '@omnistock/contracts';
import { Module, type DynamicModule, type INestMicroservice, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NatsConnection } from '@nats-io/transport-node';
import { ConfigError, loadServiceConfig, type ServiceConfig } from './config.js';
import { healthControllerFor } from './health.js';
import {
  closerFor,
  natsStrategyFor,
  startBackground,
  stopOnSignals,
  type Worker,
} from './lifecycle.js';
import type { ServiceRuntime } from './runtime.js';
import { openServicePlumbing, serviceKitModule } from './service-plumbing.js';

export type { Worker };

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
 * Boot order: the plumbing (database with its migrations, so a replica never serves an old
 * schema; NATS and the event stream), then the Nest microservice, then the outbox relay
 * and workers.
 */
export async function startService(
  definition: ServiceDefinition,
  config: ServiceConfig,
): Promise<RunningService> {
  const runtime = await openServicePlumbing(definition, config);
  @Module({})
  class ServiceRootModule {}
  const root: DynamicModule = {
    module: ServiceRootModule,
    imports: [serviceKitModule(runtime), definition.module],
    controllers: [healthControllerFor(definition.name)],
  };
  const strategy = natsStrategyFor(definition.name, config);
  const app = await NestFactory.createMicroservice(root, { strategy, logger: ['error', 'warn'] });
  await app.listen();
  // Subscriptions are only sent to the server on the next flush; "ready" must mean reachable.
  await strategy.unwrap<NatsConnection>().flush();
  const workers = definition.workers?.(runtime, app) ?? [];
  await startBackground(runtime, workers);
  runtime.logger.info({ namespace: config.natsNamespace || undefined }, `${definition.name} ready`);
  return { runtime, app, workers, close: closerFor(runtime, workers, () => app.close()) };
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
  stopOnSignals(await startService(definition, config));
}
