import { fail, ok, type ledger, type Result } from '@omnistock/contracts';
import { runCommand } from '@omnistock/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import { checkTransition } from './hold-lifecycle.js';
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
 * Runs a status change of one hold: lock it, refuse if due or not allowed by the table,
 * answer a replay (already in the target status) with the hold as it is, else apply.
 */
export function transitionHold(
  dataSource: DataSource,
  id: string,
  to: ledger.HoldStatus,
  apply: (manager: EntityManager, hold: HoldRecord) => Promise<Result<ledger.HoldViewType>>,
): Promise<Result<ledger.HoldViewType>> {
  return runCommand(dataSource, async (manager) => {
    const hold = await lockHold(manager, id);
    if (!hold.ok) return hold;
    const notDue = refuseIfDue(hold.value);
    if (!notDue.ok) return notDue;
    const check = checkTransition(id, hold.value.status, to);
    if (!check.ok) return check;
    if (check.value.kind === 'replay') return ok(holdView(hold.value));
    return apply(manager, hold.value);
  });
}
