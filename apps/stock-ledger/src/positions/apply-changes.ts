import { LIMITS, type ledger } from '@omnistock/contracts';
import { BUCKETS, positionKey, type Buckets, type PositionState } from './position-state.js';

/** One movement of one position, as the use cases describe it. */
export interface PositionChange {
  sku: string;
  location: string;
  kind: ledger.MovementKind;
  delta: Partial<Buckets>;
  commandId: string;
  reference?: string | null;
  channel?: string | null;
  actor?: string | null;
  reason?: string | null;
  /** Why this change may not apply to the position as it stands before it; null when it may. */
  guard?: (before: PositionState) => string | null;
}

export interface LedgerEntryRow {
  sku: string;
  location: string;
  seq: number;
  kind: string;
  delta: Buckets;
  balance: Buckets;
  commandId: string;
  reference: string | null;
  channel: string | null;
  actor: string | null;
  reason: string | null;
}

export interface ChangeFailure {
  index: number;
  sku: string;
  location: string;
  reason: string;
  /** Why, as the code the command answers with: the stock is not there, or there would be too much. */
  code: 'INSUFFICIENT_STOCK' | 'POSITION_LIMIT_EXCEEDED';
}

export type AppliedChanges =
  | { ok: true; entries: LedgerEntryRow[]; touched: PositionState[] }
  | { ok: false; failures: ChangeFailure[] };

/**
 * The heart of the ledger, kept pure: applies changes in order to locked positions, one
 * entry each with the next per-position sequence, and refuses the whole set if any change
 * breaks its guard or an invariant (no bucket below zero, reserved never above on_hand).
 * `states` is not modified unless every change applies.
 */
export function applyChanges(
  states: ReadonlyMap<string, PositionState>,
  changes: readonly PositionChange[],
): AppliedChanges {
  const working = new Map<string, PositionState>();
  const entries: LedgerEntryRow[] = [];
  const failures: ChangeFailure[] = [];
  changes.forEach((change, index) => {
    const key = positionKey(change.sku, change.location);
    const before = working.get(key) ?? states.get(key);
    if (!before)
      throw new Error(
        `position ${change.sku}@${change.location} was not locked before applying changes`,
      );
    const refusal = change.guard?.(before) ?? null;
    if (refusal !== null) {
      failures.push({
        index,
        sku: change.sku,
        location: change.location,
        reason: refusal,
        code: 'INSUFFICIENT_STOCK',
      });
      return;
    }
    const delta: Buckets = {
      onHand: change.delta.onHand ?? 0,
      reserved: change.delta.reserved ?? 0,
      quarantine: change.delta.quarantine ?? 0,
      inTransit: change.delta.inTransit ?? 0,
    };
    const after: PositionState = { ...before, seq: before.seq + 1 };
    for (const bucket of BUCKETS) after[bucket] = before[bucket] + delta[bucket];
    const broken = brokenInvariant(after);
    if (broken !== null) {
      failures.push({ index, sku: change.sku, location: change.location, ...broken });
      return;
    }
    working.set(key, after);
    entries.push({
      sku: change.sku,
      location: change.location,
      seq: after.seq,
      kind: change.kind,
      delta,
      balance: {
        onHand: after.onHand,
        reserved: after.reserved,
        quarantine: after.quarantine,
        inTransit: after.inTransit,
      },
      commandId: change.commandId,
      reference: change.reference ?? null,
      channel: change.channel ?? null,
      actor: change.actor ?? null,
      reason: change.reason ?? null,
    });
  });
  if (failures.length > 0) return { ok: false, failures };
  return { ok: true, entries, touched: [...working.values()] };
}

function brokenInvariant(position: PositionState): Pick<ChangeFailure, 'reason' | 'code'> | null {
  for (const bucket of BUCKETS) {
    if (position[bucket] < 0)
      return { reason: `${bucket} would fall to ${position[bucket]}`, code: 'INSUFFICIENT_STOCK' };
    if (position[bucket] > LIMITS.position_units_max)
      return {
        reason: `${bucket} would reach ${position[bucket]}, over the limit of ${LIMITS.position_units_max} units a position may hold`,
        code: 'POSITION_LIMIT_EXCEEDED',
      };
  }
  if (position.reserved > position.onHand) {
    return {
      reason: `${position.reserved} reserved would exceed ${position.onHand} on hand`,
      code: 'INSUFFICIENT_STOCK',
    };
  }
  return null;
}
