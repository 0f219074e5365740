import { fail, ok, type ledger, type Result } from '@omnistock/contracts';
import { runCommand } from '@omnistock/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import { checkTransition } from './hold-lifecycle.js';
import { checkOwner } from './hold-owner.js';
import { holdView, lockHold, type HoldRecord } from './hold-store.js';

/** A hold whose time is up is expired, even in the moment before the sweeper writes it so. */
export function refuseIfDue(hold: HoldRecord): Result<void> {
  if (hold.due) {
    return fail(
      'INVALID_TRANSITION',
      `hold ${hold.id} expired at ${new Date(hold.expiresAt!).toISOString()}`,
      {
        from: 'expired',
      },
    );
  }
  return ok(undefined);
}

/**
 * Locks a hold for a command: found, the principal's to act on, and not past its time.
 * Ownership comes before everything else, so a caller who may not act learns nothing more.
 */
export async function lockOwnHold(
  manager: EntityManager,
  id: string,
  principal: ledger.HoldPrincipalType,
): Promise<Result<HoldRecord>> {
  const hold = await lockHold(manager, id);
  if (!hold.ok) return hold;
  const owned = checkOwner(hold.value, principal);
  if (!owned.ok) return owned;
  const notDue = refuseIfDue(hold.value);
  return notDue.ok ? hold : notDue;
}

/**
 * Runs a status change of one hold by its owner: lock it, refuse if another's, due or not
 * allowed by the table, answer a replay (already in the target status) with the hold as
 * it is, else apply.
 */
export function transitionHold(
  dataSource: DataSource,
  id: string,
  principal: ledger.HoldPrincipalType,
  to: ledger.HoldStatus,
  apply: (manager: EntityManager, hold: HoldRecord) => Promise<Result<ledger.HoldViewType>>,
): Promise<Result<ledger.HoldViewType>> {
  return runCommand(dataSource, async (manager) => {
    const hold = await lockOwnHold(manager, id, principal);
    if (!hold.ok) return hold;
    const check = checkTransition(id, hold.value.status, to);
    if (!check.ok) return check;
    if (check.value.kind === 'replay') return ok(holdView(hold.value));
    return apply(manager, hold.value);
  });
}
