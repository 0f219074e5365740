import { randomBytes } from 'node:crypto';
import {
  DomainError,
  fail,
  ok,
  type ErrorCode,
  type RequestContract,
  type Result,
  type Static,
  type TSchema,
} from '@omnistock/contracts';
import { inTransaction, isDataException, isDependencyDown, payloadHash } from '@omnistock/database';
import type { NatsRequester } from '@omnistock/messaging';
import type { Logger, ServiceMetrics } from '@omnistock/observability';
import type { DataSource, EntityManager } from 'typeorm';
import { systemClock, type Clock } from '../clock.js';
import type { Worker } from '../lifecycle.js';
import {
  SAGA_LIMITS,
  type AnySagaDefinition,
  type SagaContext,
  type StepOutcome,
} from './saga-definition.js';
import { DriveSlots } from './drive-slots.js';
import { sagaStepId } from './saga-ids.js';
import {
  claimSaga,
  dueSagas,
  insertSaga,
  lockClaimed,
  readSaga,
  releaseLeases,
  restartSaga,
  saveProgress,
  type SagaRow,
} from './saga-store.js';

/** What the engine needs of its service: the runtime fits. */
export interface SagaHost {
  service: string;
  dataSource: DataSource;
  logger: Logger;
  metrics: ServiceMetrics;
  requester: Pick<NatsRequester, 'request'>;
  config: { instanceId: string; databasePoolSize?: number };
}

/** Replies that mean "not now" rather than "no": the step runs again later. */
const TRANSIENT_CODES: ReadonlySet<ErrorCode> = new Set(['SERVICE_UNAVAILABLE', 'IN_PROGRESS']);

class RetryLater extends Error {}

type Outcome = StepOutcome<unknown, unknown>;

/** Where a driver stands after a step: gone on (with the saga as it now is), waiting, done, or overtaken. */
type Progress = 'lost' | { ended: SagaRow } | { row: SagaRow } | { delay_ms: number };

/**
 * Runs every saga of one service. A saga is started inside the transaction that accepts
 * its command, so an accepted command always has a record; it is then driven step by step
 * — remote steps with no transaction open, local steps in one transaction with the
 * record — by whichever replica holds its lease: the request that started it, or the
 * worker, which resumes sagas whose driver crashed, timed out or is waiting out a retry.
 */
export class SagaEngine {
  private readonly definitions = new Map<string, AnySagaDefinition>();
  private readonly owner: string;
  private drives = 0;
  private readonly slots: DriveSlots;
  private readonly sagasEnded;
  private readonly stepRetries;

  constructor(
    private readonly host: SagaHost,
    definitions: readonly AnySagaDefinition[],
    private readonly clock: Clock = systemClock,
  ) {
    for (const definition of definitions) {
      if (this.definitions.has(definition.kind))
        throw new Error(`saga kind ${definition.kind} is defined twice`);
      this.definitions.set(definition.kind, definition);
    }
    this.owner = `${host.service}-${host.config.instanceId}-${randomBytes(3).toString('hex')}`;
    // Leave the pool a couple of connections for reads and consumers.
    this.slots = new DriveSlots(Math.max(2, (host.config.databasePoolSize ?? 10) - 2));
    this.sagasEnded = host.metrics.counter(
      'omnistock_sagas_total',
      'Sagas that ended, by kind and outcome (done or the failure code).',
      ['kind', 'outcome'],
    );
    this.stepRetries = host.metrics.counter(
      'omnistock_saga_step_retries_total',
      'Saga steps scheduled to run again (a dependency down or busy), by kind and step.',
      ['kind', 'step'],
    );
  }

  /**
   * Starts the saga `id` in the caller's transaction, or finds it: a saga that failed
   * starts over as its next generation; a live or finished one with another payload is
   * an IDEMPOTENCY_CONFLICT, as for any command key.
   */
  async start(
    manager: EntityManager,
    kind: string,
    id: string,
    input: unknown,
    /** What makes two requests "the same" (default: the whole input). */
    identity: unknown = input,
  ): Promise<Result<SagaRow>> {
    const definition = this.definitionOf(kind);
    const fresh = {
      id,
      kind,
      payloadHash: payloadHash(identity),
      input,
      state: definition.initialState(input),
      step: definition.first,
    };
    const { created, row } = await insertSaga(manager, fresh);
    if (created) return ok(row);
    if (row.kind !== kind)
      return fail('IDEMPOTENCY_CONFLICT', `${id} names another kind of workflow`);
    if (row.status === 'failed') {
      const restarted = await restartSaga(manager, row, fresh);
      // Restarted by someone else meanwhile: theirs is the run to wait for.
      return ok(restarted ?? (await readSaga(manager, id))!);
    }
    if (row.payload_hash !== fresh.payloadHash)
      return fail('IDEMPOTENCY_CONFLICT', `${id} was used before with a different payload`, {
        result: 'exists_with_different_payload',
      });
    return ok(row);
  }

  /**
   * The request path: start (or find) the saga, drive it, and answer with its outcome;
   * one still running when `wait_ms` is up answers IN_PROGRESS ("retry with the same id"),
   * and the worker finishes it.
   */
  async run<R>(
    kind: string,
    id: string,
    input: unknown,
    options: { wait_ms?: number; identity?: unknown } = {},
  ): Promise<Result<R>> {
    const deadline_ms = Date.now() + (options.wait_ms ?? SAGA_LIMITS.wait_ms);
    let started: Result<SagaRow>;
    try {
      started = await inTransaction(this.host.dataSource, (manager) =>
        this.start(manager, kind, id, input, options.identity ?? input),
      );
    } catch (error) {
      // The record itself cannot hold the input: refused before anything was done.
      if (isDataException(error)) return { ok: false, error: refusedData(error) };
      throw error;
    }
    if (!started.ok) return started;
    if (started.value.status === 'running') {
      // A step cannot be interrupted: past the deadline the request answers, and this
      // driver goes on in the background (or, if this process dies, the worker elsewhere).
      const driving = this.drive(id, deadline_ms).catch((error) => {
        this.host.logger.warn(
          { err: error, saga: id },
          'saga driver stopped; the worker resumes it',
        );
        return undefined;
      });
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<undefined>((resolve) => {
        timer = setTimeout(() => resolve(undefined), Math.max(0, deadline_ms - Date.now()));
      });
      const ended = await Promise.race([driving, deadline]);
      clearTimeout(timer);
      // Ended under this driver: its last write is the answer, no need to look again.
      if (ended) return answerOf<R>(ended);
    }
    return answerOf<R>(await this.waitFor(id, deadline_ms));
  }

  /** The saga's outcome as a caller sees it, or IN_PROGRESS while it runs. */
  async outcome<R>(id: string): Promise<Result<R> | undefined> {
    const row = await readSaga(this.host.dataSource, id);
    return row ? answerOf<R>(row) : undefined;
  }

  /**
   * Drives one saga while this driver can hold it: step after step until it ends, or a
   * retry is due after `deadline_ms` (then the worker takes it up), or another driver has it.
   */
  async drive(id: string, deadline_ms?: number): Promise<SagaRow | undefined> {
    const release = await this.slots.acquire(deadline_ms);
    if (!release) return undefined;
    try {
      return await this.driveHolding(id, deadline_ms ?? 0);
    } finally {
      release();
    }
  }

  /** The saga as it ended under this driver, or undefined when it did not end here. */
  private async driveHolding(id: string, deadline_ms: number): Promise<SagaRow | undefined> {
    // Each drive is an owner of its own: two requests for one saga in one process must not
    // both believe they hold it.
    const owner = `${this.owner}:${++this.drives}`;
    let row = await claimSaga(this.host.dataSource, id, owner, SAGA_LIMITS.lease_ms);
    while (row) {
      const progress = await this.runStep(row);
      if (progress === 'lost') return undefined;
      if ('ended' in progress) return progress.ended;
      if ('row' in progress) {
        row = progress.row;
        continue;
      }
      if (Date.now() + progress.delay_ms > deadline_ms) return undefined;
      await this.clock.sleep(progress.delay_ms);
      row = await claimSaga(this.host.dataSource, id, owner, SAGA_LIMITS.lease_ms);
    }
    return undefined;
  }

  /** Drives the sagas that are due and unclaimed, a few at a time; answers how many it took. */
  async tick(): Promise<number> {
    const ids = await dueSagas(this.host.dataSource, SAGA_LIMITS.due_batch_max);
    for (let i = 0; i < ids.length; i += WORKER_CONCURRENCY)
      await Promise.all(ids.slice(i, i + WORKER_CONCURRENCY).map((id) => this.drive(id)));
    return ids.length;
  }

  /** The background driver: resumes sagas after a crash, a timeout, a lost reply or a retry delay. */
  worker(): Worker {
    let timer: NodeJS.Timeout | undefined;
    let running: Promise<void> | undefined;
    let stopped = true;
    const loop = () => {
      if (stopped) return;
      running = this.tick().then(
        (taken) => {
          timer = setTimeout(loop, taken >= SAGA_LIMITS.due_batch_max ? 0 : SAGA_LIMITS.poll_ms);
        },
        (error) => {
          this.host.logger.warn({ err: error }, 'saga worker pass failed; trying again');
          timer = setTimeout(loop, SAGA_LIMITS.poll_ms * 4);
        },
      );
    };
    return {
      start: () => {
        stopped = false;
        loop();
      },
      stop: async () => {
        stopped = true;
        clearTimeout(timer);
        await running;
        // Steps in flight here are idempotent: whoever takes the saga over repeats them.
        await releaseLeases(this.host.dataSource, `${this.owner}:`).catch((error) =>
          this.host.logger.warn({ err: error }, 'saga leases not handed over; they run out'),
        );
      },
    };
  }

  private async waitFor(id: string, deadline_ms: number): Promise<SagaRow> {
    let pause_ms = 10;
    for (;;) {
      const row = (await readSaga(this.host.dataSource, id))!;
      if (row.status !== 'running' || Date.now() + pause_ms > deadline_ms) return row;
      await this.clock.sleep(pause_ms);
      pause_ms = Math.min(pause_ms * 2, 100);
    }
  }

  /** Runs the claimed saga's current step and records what it decided. */
  private async runStep(row: SagaRow): Promise<Progress> {
    const definition = this.definitionOf(row.kind);
    const step = definition.steps[row.step];
    const ctx = this.contextFor(row);
    if (!step) return this.record(row, { failed: bug(`${row.kind} has no step ${row.step}`) });
    if (step.local) {
      try {
        const local = step.local;
        const recorded = await inTransaction(this.host.dataSource, async (manager) => {
          ctx.begun.length = 0;
          if (!(await lockClaimed(manager, row.id, row.version))) return 'lost' as const;
          const outcome = await local(manager, ctx);
          // A retry must not keep what the step wrote: roll it back, record the retry apart.
          if ('retry' in outcome) throw new RetryLater(outcome.retry);
          return this.recordIn(manager, row, outcome);
        });
        if (recorded !== 'lost') for (const begun of ctx.begun) this.kick(begun);
        return recorded;
      } catch (error) {
        if (isDataException(error)) return this.record(row, this.giveUp(row, refusedData(error)));
        return this.record(row, this.retryFor(row, error));
      }
    }
    let outcome: Outcome;
    try {
      outcome = await step.remote!(ctx);
    } catch (error) {
      outcome = this.retryFor(row, error);
    }
    return this.record(row, outcome);
  }

  /** Drives a saga in the background; if this process dies first, the worker does. */
  kick(id: string): void {
    void this.drive(id).catch((error) =>
      this.host.logger.warn({ err: error, saga: id }, 'saga driver stopped; the worker resumes it'),
    );
  }

  private giveUp(row: SagaRow, failure: DomainError): Outcome {
    const outcome = this.definitionOf(row.kind).onGiveUp(this.contextFor(row), row.step, failure);
    return 'retry' in outcome
      ? { failed: bug(`${row.kind}: giving up cannot be retried`) }
      : outcome;
  }

  private retryFor(row: SagaRow, error: unknown): Outcome {
    if (error instanceof RetryLater) return { retry: error.message };
    if (!isDependencyDown(error))
      this.host.logger.error(
        { err: error, saga: row.id, step: row.step },
        'saga step failed unexpectedly; it will be retried',
      );
    return { retry: String((error as Error)?.message ?? error).slice(0, 200) };
  }

  private record(row: SagaRow, outcome: Outcome) {
    return inTransaction(this.host.dataSource, (manager) => this.recordIn(manager, row, outcome));
  }

  private async recordIn(
    manager: EntityManager,
    row: SagaRow,
    outcome: Outcome,
  ): Promise<Progress> {
    const definition = this.definitionOf(row.kind);
    if ('retry' in outcome) {
      const attempts = row.attempts + 1;
      const limit = definition.steps[row.step]?.attempts_max ?? SAGA_LIMITS.attempts_max;
      if (attempts >= limit) {
        const reason = `gave up on ${row.step} after ${attempts} attempts: ${outcome.retry}`;
        this.host.logger.warn({ saga: row.id, step: row.step }, reason);
        return this.recordIn(
          manager,
          row,
          this.giveUp(row, new DomainError('SERVICE_UNAVAILABLE', reason)),
        );
      }
      const delay_ms = backoff_ms(attempts);
      this.stepRetries.inc({ kind: row.kind, step: row.step });
      const saved = await saveProgress(
        manager,
        row,
        {
          step: row.step,
          status: 'running',
          state: row.state,
          attempts,
          delay_ms,
          keepLease: false,
          stepsTaken: row.steps_taken,
          retryReason: outcome.retry.slice(0, SAGA_LIMITS.detail_length_max),
        },
        undefined,
        SAGA_LIMITS.lease_ms,
      );
      return saved ? { delay_ms } : 'lost';
    }
    const stepsTaken = row.steps_taken + 1;
    if ('next' in outcome && stepsTaken >= SAGA_LIMITS.steps_max)
      return this.recordIn(manager, row, {
        failed: bug(`${row.kind} took ${stepsTaken} steps without ending`),
      });
    const state = outcome.state ?? row.state;
    const base = { state, attempts: 0, delay_ms: 0, stepsTaken };
    let saved: SagaRow | undefined;
    if ('next' in outcome) {
      saved = await saveProgress(
        manager,
        row,
        { ...base, step: outcome.next, status: 'running', keepLease: true, result: outcome.reply },
        { step: row.step, outcome: 'next', detail: { next: outcome.next } },
        SAGA_LIMITS.lease_ms,
      );
      return saved ? { row: saved } : 'lost';
    }
    if ('done' in outcome) {
      saved = await saveProgress(
        manager,
        row,
        { ...base, step: row.step, status: 'done', result: outcome.done, keepLease: false },
        { step: row.step, outcome: 'done', detail: null },
        SAGA_LIMITS.lease_ms,
      );
      if (saved) this.sagasEnded.inc({ kind: row.kind, outcome: 'done' });
      return saved ? { ended: saved } : 'lost';
    }
    const error = outcome.failed.toEnvelope().error;
    saved = await saveProgress(
      manager,
      row,
      { ...base, step: row.step, status: 'failed', error, keepLease: false },
      { step: row.step, outcome: 'failed', detail: { code: error.code, message: error.message } },
      SAGA_LIMITS.lease_ms,
    );
    if (saved) this.sagasEnded.inc({ kind: row.kind, outcome: error.code });
    return saved ? { ended: saved } : 'lost';
  }

  private contextFor(row: SagaRow): SagaContext<unknown, unknown> & { begun: string[] } {
    const requester = this.host.requester;
    const begun: string[] = [];
    return {
      begun,
      begin: async (manager, kind, id, input, identity) => {
        const started = await this.start(manager, kind, id, input, identity ?? input);
        if (!started.ok) return started;
        begun.push(id);
        return ok(undefined);
      },
      id: row.id,
      kind: row.kind,
      generation: row.generation,
      input: row.input,
      state: row.state,
      stepId: (name) => sagaStepId(row.id, row.generation, name),
      call: async <Req extends TSchema, Rep extends TSchema>(
        contract: RequestContract<Req, Rep>,
        payload: Static<Req>,
      ): Promise<Result<Static<Rep>>> => {
        const reply = await requester.request(contract, payload);
        if (reply.ok) return ok(reply.value);
        if (TRANSIENT_CODES.has(reply.error.code))
          throw new RetryLater(`${contract.subject}: ${reply.error.message}`);
        return {
          ok: false,
          error: new DomainError(reply.error.code, reply.error.message, reply.error.details),
        };
      },
    };
  }

  private definitionOf(kind: string): AnySagaDefinition {
    const definition = this.definitions.get(kind);
    if (!definition) throw new Error(`no saga of kind ${kind} is defined`);
    return definition;
  }
}

/** Sagas one worker pass drives side by side: a slow step must not hold up every other. */
const WORKER_CONCURRENCY = 4;

/** Exponential backoff with jitter, so replicas retrying one dependency do not march in step. */
function backoff_ms(attempts: number): number {
  const ceiling = Math.min(SAGA_LIMITS.backoff_ms_max, SAGA_LIMITS.backoff_ms_min * 2 ** attempts);
  return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}

function refusedData(error: unknown): DomainError {
  return new DomainError('VALIDATION_FAILED', 'the request holds data that cannot be stored', {
    problems: [{ path: '/', message: String((error as Error)?.message ?? error).slice(0, 200) }],
  });
}

function bug(message: string): DomainError {
  return new DomainError('INTERNAL', message);
}

function answerOf<R>(row: SagaRow): Result<R> {
  if (row.status === 'done') return ok(row.result as R);
  // Accepted for good and following through (waiting out an outage): the caller has its reply.
  if (row.status === 'running' && row.result !== null) return ok(row.result as R);
  if (row.status === 'failed') {
    const error = row.error!;
    return {
      ok: false,
      error: new DomainError(error.code as ErrorCode, error.message, error.details),
    };
  }
  return fail('IN_PROGRESS', `${row.id} is still in progress; ask again with the same id`, {
    step: row.step,
  });
}
