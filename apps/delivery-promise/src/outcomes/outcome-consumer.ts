import { routing } from '@omnistock/contracts';
import { serviceEventConsumer, type ServiceRuntime, type Worker } from '@omnistock/service-kit';
import { recordOutcome } from './record-outcome.js';

/** Shared by the replicas: each fulfilment event is measured by one of them, once. */
export const OUTCOME_CONSUMER_DURABLE = 'promise-outcomes';

/**
 * Every fulfilment event through one wildcard filter (`recordOutcome` picks the ones that
 * measure a promise): inbox row and effect in one transaction, a redelivery only acknowledged.
 */
export function fulfilmentEventsFilter(): string {
  const tokens = routing.fulfilmentDelivered.subject.split('.');
  return `${tokens.slice(0, -1).join('.')}.>`;
}

export const outcomeConsumer = (runtime: ServiceRuntime): Worker =>
  serviceEventConsumer(runtime, {
    durable: OUTCOME_CONSUMER_DURABLE,
    subjects: [fulfilmentEventsFilter()],
    handle: (manager, subject, payload) => recordOutcome(manager, subject, payload, runtime.logger),
  });
