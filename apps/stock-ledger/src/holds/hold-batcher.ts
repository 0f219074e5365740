import { fail, type ledger, type Result } from '@omnistock/contracts';
import { inTransaction, isDataException, isDependencyDown } from '@omnistock/database';
import type { ServiceRuntime } from '@omnistock/service-kit';
import { Histogram } from 'prom-client';
import type { ReserveRequest } from './hold-rules.js';
import { reserveBatch } from './reserve.js';

/** Holds per transaction; past this a batch's statements grow slower than the row lock they share. */
export const HOLD_BATCH_SIZE_MAX = 500;
/** Transactions in flight per replica; below the pool so releases, commits and the sweeper still get connections. */
export const HOLD_BATCHES_IN_FLIGHT_MAX = 4;
/**
 * When the last batch was big and just finished, its shoppers' next holds are on their way:
 * waiting this long for them turns a trickle of tiny transactions into one big one. Light
 * load never waits (the last batch was small or long ago).
 */
export const HOLD_BATCH_WAIT_MS = 2;
const HOT_BATCH_SIZE_MIN = 8;
/**
 * One batch in flight per position. Measured: allowing a second (to overlap its screening
 * with the first's lock) split the hot queue into many tiny batches and cut throughput
 * by two thirds; waiting HOLD_BATCH_WAIT_MS for the next wave did better.
 */
const BATCHES_PER_POSITION_MAX = 1;
const HOT_WINDOW_MS = 50;
/** Holds waiting per replica before new ones are turned away as SERVICE_UNAVAILABLE rather than queue without end. */
export const HOLD_QUEUE_LENGTH_MAX = 20_000;

interface PendingHold {
  request: ReserveRequest;
  positions: string[];
  resolve: (result: Result<ledger.HoldViewType>) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for holds, with a queue per position: a position has at most one batch in
 * flight, and every hold for it that arrives meanwhile waits and leaves in the next one —
 * so a hot SKU's row lock is taken once per batch, not once per shopper, and two batches of
 * one replica never queue on the same row. Batches over disjoint positions run side by
 * side. A hold that arrives when its positions are free goes at once, alone: no timer, no
 * added latency under light load. Replicas batch their own shares; Postgres row locks
 * arbitrate between them.
 */
export class HoldBatcher {
  private queue: PendingHold[] = [];
  /** Batches in flight per position: at most BATCHES_PER_POSITION_MAX. */
  private readonly busyPositions = new Map<string, number>();
  private inFlight = 0;
  private lastBatchSize = 0;
  private lastBatchEndMs = 0;
  private waitTimer: NodeJS.Timeout | undefined;
  private readonly batchSizes: Histogram;
  private readonly holdOutcomes;

  constructor(private readonly runtime: ServiceRuntime) {
    this.batchSizes = new Histogram({
      name: 'omnistock_hold_batch_size',
      help: 'Holds per group-commit transaction.',
      buckets: [1, 2, 5, 10, 25, 50, 100, 250, 500],
      registers: [runtime.metrics.registry],
    });
    this.holdOutcomes = runtime.metrics.counter(
      'omnistock_holds_total',
      'Hold requests by outcome.',
      ['outcome'],
    );
  }

  submit(request: ReserveRequest): Promise<Result<ledger.HoldViewType>> {
    if (this.queue.length >= HOLD_QUEUE_LENGTH_MAX) {
      this.holdOutcomes.inc({ outcome: 'SERVICE_UNAVAILABLE' });
      return Promise.resolve(
        fail('SERVICE_UNAVAILABLE', 'the ledger is saturated; retry with the same id'),
      );
    }
    const positions = [
      ...new Set(request.lines.map((line) => `${line.sku}\u0000${line.location}`)),
    ];
    return new Promise((resolve, reject) => {
      this.queue.push({ request, positions, resolve, reject });
      if (this.inFlight < HOLD_BATCHES_IN_FLIGHT_MAX) this.pump();
    });
  }

  /** Takes, in arrival order, the waiting holds whose positions are free, up to one batch. */
  private nextBatch(): PendingHold[] {
    const batch: PendingHold[] = [];
    const claimed = new Set<string>();
    const waiting: PendingHold[] = [];
    for (const pending of this.queue) {
      const free =
        batch.length < HOLD_BATCH_SIZE_MAX &&
        pending.positions.every((p) => (this.busyPositions.get(p) ?? 0) < BATCHES_PER_POSITION_MAX);
      if (free) {
        batch.push(pending);
        for (const position of pending.positions) claimed.add(position);
      } else {
        waiting.push(pending);
      }
    }
    this.queue = waiting;
    for (const position of claimed)
      this.busyPositions.set(position, (this.busyPositions.get(position) ?? 0) + 1);
    return batch;
  }

  private pump(): void {
    if (this.waitTimer) return;
    const hot =
      this.lastBatchSize >= HOT_BATCH_SIZE_MIN &&
      performance.now() - this.lastBatchEndMs < HOT_WINDOW_MS;
    if (hot && this.queue.length < this.lastBatchSize / 2) {
      this.lastBatchSize = 0;
      this.waitTimer = setTimeout(() => {
        this.waitTimer = undefined;
        this.pump();
      }, HOLD_BATCH_WAIT_MS);
      return;
    }
    while (this.inFlight < HOLD_BATCHES_IN_FLIGHT_MAX && this.queue.length > 0) {
      const batch = this.nextBatch();
      if (batch.length === 0) return;
      this.inFlight++;
      void this.run(batch).finally(() => {
        for (const position of new Set(batch.flatMap((pending) => pending.positions))) {
          const left = this.busyPositions.get(position)! - 1;
          if (left === 0) this.busyPositions.delete(position);
          else this.busyPositions.set(position, left);
        }
        this.lastBatchSize = Math.max(this.lastBatchSize, batch.length);
        this.lastBatchEndMs = performance.now();
        this.inFlight--;
        this.pump();
      });
    }
  }

  private async run(batch: PendingHold[]): Promise<void> {
    this.batchSizes.observe(batch.length);
    try {
      const results = await inTransaction(this.runtime.dataSource, (manager) =>
        reserveBatch(
          manager,
          batch.map((pending) => pending.request),
        ),
      );
      batch.forEach((pending, index) => {
        const result = results[index]!;
        this.holdOutcomes.inc({ outcome: result.ok ? 'held' : result.error.code });
        pending.resolve(result);
      });
    } catch (error) {
      await this.isolate(batch, error);
    }
  }

  /**
   * A batch the database refused as a whole is split in halves and each half goes again,
   * down to single holds: one shopper's bad data fails that shopper alone, in about
   * log2(batch) extra transactions, while the rest of the batch goes through. An outage
   * fails everyone at once (a retry would only wait for the same outage).
   */
  private async isolate(batch: PendingHold[], error: unknown): Promise<void> {
    if (isDependencyDown(error)) {
      for (const pending of batch) pending.reject(error);
      return;
    }
    if (batch.length > 1) {
      const middle = Math.ceil(batch.length / 2);
      await this.run(batch.slice(0, middle));
      await this.run(batch.slice(middle));
      return;
    }
    const [pending] = batch;
    if (isDataException(error)) {
      this.holdOutcomes.inc({ outcome: 'VALIDATION_FAILED' });
      pending!.resolve(
        fail('VALIDATION_FAILED', 'the ledger cannot store this hold as given', {
          problems: [{ path: '/', message: 'refused by the database as invalid data' }],
        }),
      );
      return;
    }
    pending!.reject(error);
  }
}
