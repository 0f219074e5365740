import type { DomainError, RequestContract, Result, Static, TSchema } from '@omnistock/contracts';
import type { EntityManager } from 'typeorm';

/**
 * What a step decides. `next` goes on; `done` and `failed` end the saga with the reply a
 * caller gets (a failure only after the compensation steps that lead to it have run);
 * `retry` means "not now" — a dependency is down or busy — and the engine runs the same
 * step again later, with backoff, up to the step's limit. A `next` may carry the `reply`
 * once the command is accepted for good (its record written): a caller who cannot wait
 * for the follow-through then gets that reply rather than IN_PROGRESS.
 */
export type StepOutcome<S, R> =
  | { next: string; state?: S; reply?: R }
  | { done: R; state?: S }
  | { failed: DomainError; state?: S }
  | { retry: string };

export interface SagaContext<I, S> {
  /** The workflow id: one saga per id, ever (a failed one may start again as a new generation). */
  readonly id: string;
  readonly kind: string;
  /** 1 for the first run; a failed saga asked again starts over as the next generation. */
  readonly generation: number;
  readonly input: I;
  readonly state: S;
  /**
   * A deterministic id for an effect this step has on another service: the same on every
   * retry of the step and after any crash, so the other side answers a retry as a replay.
   */
  stepId(name: string): string;
  /**
   * Another service's reply. Expected refusals come back as a Result for the step to
   * decide on; unavailability (timeout, no responder, 503) ends the step as a retry.
   */
  call<Req extends TSchema, Rep extends TSchema>(
    contract: RequestContract<Req, Rep>,
    payload: Static<Req>,
  ): Promise<Result<Static<Rep>>>;
  /**
   * Starts another saga of this service inside a local step's transaction: it exists if and
   * only if the step commits, and is driven as soon as it does.
   */
  begin(
    manager: EntityManager,
    kind: string,
    id: string,
    input: unknown,
    identity?: unknown,
  ): Promise<Result<void>>;
}

export interface SagaStep<I, S, R> {
  /** Talks to other services with no transaction open; every effect idempotent by stepId. */
  remote?(ctx: SagaContext<I, S>): Promise<StepOutcome<S, R>>;
  /**
   * Writes this service's rows in one transaction with the saga's own progress, so the
   * effect and the record of it commit together or not at all.
   */
  local?(manager: EntityManager, ctx: SagaContext<I, S>): Promise<StepOutcome<S, R>>;
  /**
   * Retries before the saga gives up on this step (default `SAGA_LIMITS.attempts_max`).
   * `Infinity` for steps past the point of no return: what is recorded must be finished.
   */
  attempts_max?: number;
}

export interface SagaDefinition<I, S, R> {
  kind: string;
  first: string;
  initialState(input: I): S;
  steps: Readonly<Record<string, SagaStep<I, S, R>>>;
  /**
   * Where the saga goes when a step cannot be done: its retries are used up (the failure is
   * SERVICE_UNAVAILABLE), or the database refused the step's data (VALIDATION_FAILED, no
   * use retrying). The entry to its compensation, which is steps like any other, durable
   * and idempotent; or, before anything was done, the failure itself.
   */
  onGiveUp(ctx: SagaContext<I, S>, step: string, failure: DomainError): StepOutcome<S, R>;
}

export type AnySagaDefinition = SagaDefinition<any, any, any>;

/** Every saga and its steps have bounds (TIGER_STYLE): no workflow loops or waits forever unseen. */
export const SAGA_LIMITS = {
  /** Retries of one step before compensation. With the backoff below, about three minutes. */
  attempts_max: 12,
  backoff_ms_min: 100,
  backoff_ms_max: 30_000,
  /** Steps one generation may take; a saga past it is a bug and fails loudly. */
  steps_max: 200,
  /** How long a driver owns a saga; a driver that died is replaced once this passes. */
  lease_ms: 60_000,
  /** How long the request path waits for a saga before answering IN_PROGRESS. */
  wait_ms: 4_000,
  /** The worker's look for due sagas, and how many it takes per look. */
  poll_ms: 250,
  due_batch_max: 20,
  /** What a step's history keeps of an outcome's detail. */
  detail_length_max: 2_000,
} as const;
