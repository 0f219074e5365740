import { IdempotentEventConsumer, type EventConsumerOptions } from '@omnistock/messaging';
import type { Worker } from './lifecycle.js';
import type { ServiceRuntime } from './runtime.js';

/**
 * A service's durable consumer, wired the one way: the service's connection, database and
 * namespace; failures logged; events that keep failing dead-lettered and counted in
 * `omnistock_events_dead_lettered_total`, which the dashboard and alerts read.
 */
export function serviceEventConsumer(
  runtime: ServiceRuntime,
  options: Pick<
    EventConsumerOptions,
    'durable' | 'subjects' | 'handle' | 'ack_wait_ms' | 'deliveries_max'
  >,
): Worker {
  return new IdempotentEventConsumer({
    ...options,
    connection: runtime.connection,
    dataSource: runtime.dataSource,
    namespace: runtime.config.natsNamespace,
    onError: (error) =>
      runtime.logger.warn(
        { err: error, consumer: options.durable },
        'event not applied; redelivering',
      ),
    onDeadLetter: (subject, error) => {
      runtime.metrics.eventsDeadLettered.inc({ consumer: options.durable });
      runtime.logger.error(
        { err: error, consumer: options.durable, subject },
        'event dead-lettered after its last delivery',
      );
    },
  });
}
