import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The metrics every service exposes; services add their own to `registry`. */
export class ServiceMetrics {
  readonly registry = new Registry();
  readonly requests: Counter<'subject' | 'outcome'>;
  readonly requestSeconds: Histogram<'subject'>;
  readonly outboxPending: Gauge;
  readonly outboxLagSeconds: Gauge;
  readonly natsErrors: Counter;
  readonly eventsDeadLettered: Counter<'consumer'>;

  constructor(service: string, instance: string) {
    this.registry.setDefaultLabels({ service, instance });
    collectDefaultMetrics({ register: this.registry, prefix: 'omnistock_process_' });
    this.requests = new Counter({
      name: 'omnistock_requests_total',
      help: 'NATS requests handled, by subject and outcome (ok or the error code).',
      labelNames: ['subject', 'outcome'],
      registers: [this.registry],
    });
    this.requestSeconds = new Histogram({
      name: 'omnistock_request_duration_seconds',
      help: 'Time from a request arriving to its reply, by subject.',
      labelNames: ['subject'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [this.registry],
    });
    this.outboxPending = new Gauge({
      name: 'omnistock_outbox_pending',
      help: 'Outbox rows not yet acknowledged by JetStream.',
      registers: [this.registry],
    });
    this.outboxLagSeconds = new Gauge({
      name: 'omnistock_outbox_lag_seconds',
      help: 'Age of the oldest unpublished outbox row.',
      registers: [this.registry],
    });
    this.natsErrors = new Counter({
      name: 'omnistock_nats_errors_total',
      help: 'NATS disconnects and publish failures seen by this replica.',
      registers: [this.registry],
    });
    this.eventsDeadLettered = new Counter({
      name: 'omnistock_events_dead_lettered_total',
      help: 'Events a consumer could not apply after its last delivery, set aside on the dead-letter stream.',
      labelNames: ['consumer'],
      registers: [this.registry],
    });
  }

  counter<L extends string>(name: string, help: string, labelNames: L[] = []): Counter<L> {
    return new Counter({ name, help, labelNames, registers: [this.registry] });
  }

  gauge<L extends string>(name: string, help: string, labelNames: L[] = []): Gauge<L> {
    return new Gauge({ name, help, labelNames, registers: [this.registry] });
  }
}
