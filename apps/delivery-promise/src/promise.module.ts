import { ServiceRuntime } from '@omnistock/service-kit';
import { Module } from '@nestjs/common';
import { CLOCK, systemClock, WINDOW_POLICY } from './clock.js';
import { ConfigurationHandler } from './configuration/configuration.handler.js';
import { OutcomesHandler } from './outcomes/outcomes.handler.js';
import { registerOutcomeMetrics } from './outcomes/outcome-metrics.js';
import { QuotesHandler } from './quotes/quotes.handler.js';
import { ResolveHandler } from './resolve/resolve.handler.js';
import { defaultWindowPolicy } from './windows/default-window-policy.js';

const OUTCOME_METRICS = Symbol('promise outcome metrics');

/** Delivery promises: configuration, quotes, resolution for routing, and whether promises were kept. */
@Module({
  controllers: [ConfigurationHandler, QuotesHandler, ResolveHandler, OutcomesHandler],
  providers: [
    { provide: CLOCK, useValue: systemClock },
    { provide: WINDOW_POLICY, useValue: defaultWindowPolicy },
    {
      provide: OUTCOME_METRICS,
      useFactory: (runtime: ServiceRuntime) => registerOutcomeMetrics(runtime),
      inject: [ServiceRuntime],
    },
  ],
})
export class PromiseModule {}
