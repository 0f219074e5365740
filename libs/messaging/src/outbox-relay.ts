import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { DataSource } from 'typeorm';
import { namespacedSubject } from './namespace.js';

export interface OutboxRelayOptions {
  batch_size_max?: number;
  idle_poll_ms?: number;
  publish_timeout_ms?: number;
  /** Published rows are only a delivery record (the ledger is the truth), so they are pruned. */
  published_retention_s?: number;
  onError?: (error: unknown) => void;
}

export interface OutboxLag {
  pending: number;
  oldest_age_s: number;
}

/**
 * Moves outbox rows to JetStream. Replicas share the work through SKIP LOCKED; a row is
 * marked published only after JetStream acknowledged it, so a crash anywhere in between
 * re-publishes, and the message id makes that harmless.
 */
export class OutboxRelay {
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private readonly js: JetStreamClient;
  private readonly batchSizeMax: number;
  private readonly idlePollMs: number;
  private readonly publishTimeoutMs: number;
  private readonly retentionS: number;
  private lastPruneMs = 0;
  published = 0;

  constructor(
    private readonly dataSource: DataSource,
    connection: NatsConnection,
    private readonly namespace: string,
    private readonly options: OutboxRelayOptions = {},
  ) {
    this.js = jetstream(connection);
    this.batchSizeMax = options.batch_size_max ?? 500;
    this.idlePollMs = options.idle_poll_ms ?? 50;
    this.publishTimeoutMs = options.publish_timeout_ms ?? 5_000;
    this.retentionS = options.published_retention_s ?? 3600;
  }

  get isRunning(): boolean {
    return this.running;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    this.loop = undefined;
  }

  /** Publishes what is pending now; returns how many rows it published. */
  async relayOnce(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: { id: string; message_id: string; subject: string; payload: unknown }[] =
        await manager.query(
          `SELECT id, message_id, subject, payload FROM outbox
         WHERE published_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
          [this.batchSizeMax],
        );
      if (rows.length === 0) return 0;
      await Promise.all(
        rows.map((row) =>
          this.js.publish(
            namespacedSubject(this.namespace, row.subject),
            JSON.stringify(row.payload),
            {
              msgID: row.message_id,
              timeout: this.publishTimeoutMs,
            },
          ),
        ),
      );
      await manager.query(
        'UPDATE outbox SET published_at = clock_timestamp() WHERE id = ANY($1::bigint[])',
        [rows.map((row) => row.id)],
      );
      this.published += rows.length;
      return rows.length;
    });
  }

  async lag(): Promise<OutboxLag> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS pending,
              COALESCE(EXTRACT(EPOCH FROM clock_timestamp() - min(created_at)), 0)::float AS oldest_age_s
       FROM outbox WHERE published_at IS NULL`,
    );
    return { pending: row.pending, oldest_age_s: row.oldest_age_s };
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      let published = 0;
      try {
        published = await this.relayOnce();
        failures = 0;
        await this.pruneIfDue();
      } catch (error) {
        failures++;
        this.options.onError?.(error);
      }
      if (!this.running) break;
      if (published < this.batchSizeMax) {
        // Back off on repeated failures (NATS or Postgres down), capped at 2 s.
        await this.sleep(
          failures > 0 ? Math.min(2_000, this.idlePollMs * 2 ** failures) : this.idlePollMs,
        );
      }
    }
  }

  private async pruneIfDue(): Promise<void> {
    const now = Date.now();
    if (now - this.lastPruneMs < 60_000) return;
    this.lastPruneMs = now;
    await this.dataSource.query(
      `DELETE FROM outbox WHERE published_at < clock_timestamp() - make_interval(secs => $1)`,
      [this.retentionS],
    );
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
