import type { ServiceRuntime, Worker } from '@omnistock/service-kit';
import type { DataSource } from 'typeorm';

/**
 * Every quote stores a promise per option, and most are never ordered on: those are kept
 * a day past their expiry (to explain a complaint about a quote) and then deleted. A
 * promise resolved for an order stays, with its outcome, as the measure of kept-rate.
 */
export const UNRESOLVED_RETENTION_S = 24 * 3600;
export const RETENTION_SWEEP_INTERVAL_MS = 60_000;
export const RETENTION_BATCH_MAX = 1_000;

export async function deleteStalePromises(dataSource: DataSource): Promise<number> {
  // A SELECT over the DELETE: TypeORM answers a bare DELETE with [rows, count], not rows.
  const [{ deleted }] = await dataSource.query(
    `WITH gone AS (
       DELETE FROM promises WHERE id IN (
         SELECT id FROM promises
         WHERE resolved_at IS NULL AND expires_at < now() - make_interval(secs => $1)
           AND NOT EXISTS (SELECT 1 FROM promise_outcomes o WHERE o.promise_id = promises.id)
         ORDER BY expires_at LIMIT $2)
       RETURNING 1)
     SELECT count(*)::int AS deleted FROM gone`,
    [UNRESOLVED_RETENTION_S, RETENTION_BATCH_MAX],
  );
  return deleted;
}

export class RetentionSweeper implements Worker {
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<void> | undefined;
  private stopped = true;

  constructor(private readonly runtime: ServiceRuntime) {}

  start(): void {
    this.stopped = false;
    this.schedule(RETENTION_SWEEP_INTERVAL_MS);
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
    let deleted = 0;
    try {
      deleted = await deleteStalePromises(this.runtime.dataSource);
    } catch (error) {
      this.runtime.logger.warn({ err: error }, 'promise retention sweep failed; retrying');
    }
    // A full batch means more are due: go again at once rather than wait.
    this.schedule(deleted >= RETENTION_BATCH_MAX ? 0 : RETENTION_SWEEP_INTERVAL_MS);
  }
}
