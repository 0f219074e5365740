import type { ServiceName } from '@omnistock/contracts';
import { createServiceDataSource, prepareDatabase } from '@omnistock/database';
import { connectNats, ensureEventStream, OutboxRelay } from '@omnistock/messaging';
import { createLogger, ServiceMetrics } from '@omnistock/observability';
import { Module, type DynamicModule } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isNatsDown, untilDependencyUp } from './boot-retry.js';
import type { ServiceConfig } from './config.js';
import { ServiceRuntime } from './runtime.js';

export interface PlumbingDefinition {
  name: ServiceName;
  schema: string;
  entities: Function[];
  migrations: Function[];
}

/**
 * What every service opens before Nest starts, in this order: its database (schema and
 * migrations, so a replica never serves an old schema), NATS and the event stream, and
 * the outbox relay (not yet started). The same steps as `startService`, for boots that
 * are not a plain NATS microservice (the HTTP gateway).
 */
export async function openServicePlumbing(
  definition: PlumbingDefinition,
  config: ServiceConfig,
): Promise<ServiceRuntime> {
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
  await untilDependencyUp('Postgres', logger, () =>
    prepareDatabase(dataSource, config.databaseUrl, definition.schema),
  );
  const connection = await untilDependencyUp(
    'NATS',
    logger,
    () =>
      connectNats(
        config.natsUrl,
        `omnistock-${definition.name}-${config.instanceId}`,
        config.natsAuth,
      ),
    isNatsDown,
  );
  await ensureEventStream(connection, config.natsNamespace, config.streamReplicas);
  const outboxRelay = new OutboxRelay(dataSource, connection, config.natsNamespace, {
    onError: (error) => {
      metrics.natsErrors.inc();
      logger.warn({ err: error }, 'outbox relay failed; retrying');
    },
  });
  return new ServiceRuntime(
    definition.name,
    config,
    logger,
    metrics,
    dataSource,
    connection,
    outboxRelay,
  );
}

/** A global module that lets every provider of the service inject its runtime and DataSource. */
export function serviceKitModule(runtime: ServiceRuntime): DynamicModule {
  @Module({})
  class ServiceKitModule {}
  return {
    module: ServiceKitModule,
    global: true,
    providers: [
      { provide: ServiceRuntime, useValue: runtime },
      { provide: DataSource, useValue: runtime.dataSource },
    ],
    exports: [ServiceRuntime, DataSource],
  };
}
