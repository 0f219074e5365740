import type { Random } from '../random.js';

export type FaultKind = 'kill' | 'pause' | 'nats-restart' | 'postgres-crash';

export interface FaultStep {
  /** Quiet time after the previous fault recovered, before this one. */
  gap_ms: number;
  kind: FaultKind;
  /** The replica for `kill` and `pause`; `nats` or `postgres` otherwise. */
  target: string;
  /** How long the fault lasts: a killed replica stays down, a paused one stopped, a server away. */
  hold_ms: number;
}

const WEIGHTS: Record<FaultKind, number> = {
  kill: 4,
  pause: 2,
  'nats-restart': 1,
  'postgres-crash': 1,
};
const GAP_MS = { min: 2_000, max: 10_000 };
const HOLD_MS: Record<FaultKind, { min: number; max: number }> = {
  kill: { min: 200, max: 5_000 },
  pause: { min: 1_000, max: 8_000 },
  'nats-restart': { min: 500, max: 5_000 },
  'postgres-crash': { min: 500, max: 5_000 },
};

/**
 * The fault schedule, from the seed alone: the same seed gives the same faults in the same
 * order, on the same targets, with the same gaps and durations (the gap counts from the
 * previous recovery, so a slow restart shifts the clock but not the plan).
 */
export function* faultPlan(random: Random, replicas: readonly string[]): Generator<FaultStep> {
  for (;;) {
    const kind = random.weighted(WEIGHTS);
    const hold = HOLD_MS[kind];
    yield {
      gap_ms: random.int(GAP_MS.min, GAP_MS.max),
      kind,
      target:
        kind === 'nats-restart'
          ? 'nats'
          : kind === 'postgres-crash'
            ? 'postgres'
            : random.pick(replicas),
      hold_ms: random.int(hold.min, hold.max),
    };
  }
}
