import type { ServiceName } from '@omnistock/contracts';
import { NatsRequester, type OutboxRelay } from '@omnistock/messaging';
import type { Logger, ServiceMetrics } from '@omnistock/observability';
import type { NatsConnection } from '@nats-io/transport-node';
import type { DataSource } from 'typeorm';
import type { ServiceConfig } from './config.js';

/** Everything a service's handlers and workers share; injected into Nest by its class. */
export class ServiceRuntime {
  readonly startedAtMs = Date.now();
  readonly requester: NatsRequester;

  constructor(
    readonly service: ServiceName,
    readonly config: ServiceConfig,
    readonly logger: Logger,
    readonly metrics: ServiceMetrics,
    readonly dataSource: DataSource,
    readonly connection: NatsConnection,
    readonly outboxRelay: OutboxRelay,
  ) {
    this.requester = new NatsRequester(connection, config.natsNamespace);
  }
}
