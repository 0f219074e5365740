import type { ServiceRuntime, Worker } from '@omnistock/service-kit';
import { EXPIRY_BATCH_MAX, expireDueHolds } from './expire-due-holds.js';

/** Holds must expire within a second of their TTL; a quarter-second sweep leaves room for a slow batch. */
export const EXPIRY_SWEEP_INTERVAL_MS = 250;

export class ExpirySweeper implements Worker {
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<void> | undefined;
  private stopped = true;
  private readonly expiries;

  constructor(private readonly runtime: ServiceRuntime) {
    this.expiries = runtime.metrics.counter(
      'omnistock_hold_expiries_total',
      'Cart holds expired by the sweeper.',
    );
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.sweeping;
  }

  private schedule(delay_ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.sweeping = this.sweep();
    }, delay_ms);
  }

  private async sweep(): Promise<void> {
    let expired = 0;
    try {
      expired = await expireDueHolds(this.runtime.dataSource);
      this.expiries.inc(expired);
    } catch (error) {
      this.runtime.logger.warn({ err: error }, 'expiry sweep failed; retrying');
    }
    // A full batch means more are due: go again at once rather than wait.
    this.schedule(expired >= EXPIRY_BATCH_MAX ? 0 : EXPIRY_SWEEP_INTERVAL_MS);
  }
}
