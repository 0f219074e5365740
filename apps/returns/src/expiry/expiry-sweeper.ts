import { inTransaction } from '@omnistock/database';
import type { ServiceRuntime, Worker } from '@omnistock/service-kit';
import { endReturn } from '../cancel/end-return.js';
import { returnSagas } from '../sagas/return-sagas.js';
import { toView } from '../store/return-store.js';

/** Returns are due in days, so a sweep a second is plenty; the batch bounds each sweep. */
export const RETURN_EXPIRY_SWEEP_INTERVAL_MS = 1_000;
const RETURN_EXPIRY_BATCH_MAX = 50;

/**
 * Authorised returns not received in time expire; SKIP LOCKED lets replicas sweep side by
 * side. An exchange hold goes back to stock by a saga started as the return expires.
 */
export class ReturnExpirySweeper implements Worker {
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<void> | undefined;
  private stopped = true;

  constructor(private readonly runtime: ServiceRuntime) {}

  start(): void {
    this.stopped = false;
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.sweeping;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.sweeping = this.sweep().finally(() => this.schedule());
    }, RETURN_EXPIRY_SWEEP_INTERVAL_MS);
  }

  private async sweep(): Promise<void> {
    const engine = returnSagas(this.runtime);
    try {
      await inTransaction(this.runtime.dataSource, async (manager) => {
        const due = await manager.query(
          `SELECT id, order_id, channel, status, lines, receive_by, location, received, dispositions, exchange, created_at
           FROM returns WHERE status = 'authorised' AND receive_by <= clock_timestamp()
           ORDER BY receive_by LIMIT $1 FOR UPDATE SKIP LOCKED`,
          [RETURN_EXPIRY_BATCH_MAX],
        );
        for (const row of due) {
          const ended = await endReturn(engine, manager, toView(row), 'expired', 'expiry');
          if (!ended.ok)
            this.runtime.logger.warn(
              { returnId: row.id, error: ended.error.code },
              'return not expired yet',
            );
        }
      });
    } catch (error) {
      this.runtime.logger.warn({ err: error }, 'return expiry sweep failed; retrying');
    }
  }
}
