import { ok, type ledger, type RequestOf, type Result } from '@omnistock/contracts';
import { appendToOutbox } from '@omnistock/messaging';
import { runCommand } from '@omnistock/service-kit';
import type { DataSource } from 'typeorm';
import { holdStatusEvent } from './hold-events.js';
import { checkTransition } from './hold-lifecycle.js';
import { checkAdoption } from './hold-owner.js';
import { holdView, lockHold, setHoldStatus } from './hold-store.js';
import { refuseIfDue } from './transition-hold.js';

/**
 * The order takes the hold: it stops expiring and from now on only that order acts on it.
 * No stock moves; the units stay reserved. Committing again for the same order replays;
 * for another order it is HOLD_OWNED_BY_ORDER, never a replay, so two orders can never
 * both believe they adopted one cart.
 */
export function commit(
  dataSource: DataSource,
  request: RequestOf<typeof ledger.commit>,
): Promise<Result<ledger.HoldViewType>> {
  return runCommand(dataSource, async (manager) => {
    const locked = await lockHold(manager, request.id);
    if (!locked.ok) return locked;
    const hold = locked.value;
    const adoptable = checkAdoption(hold, request);
    if (!adoptable.ok) return adoptable;
    const notDue = refuseIfDue(hold);
    if (!notDue.ok) return notDue;
    const check = checkTransition(hold.id, hold.status, 'committed');
    if (!check.ok) return check;
    if (check.value.kind === 'replay') return ok(holdView(hold));
    const reference = request.reference ?? hold.reference;
    const seq = await setHoldStatus(manager, hold.id, 'committed', {
      clearExpiry: true,
      reference: request.reference,
      orderId: request.orderId,
    });
    const view = holdView({
      ...hold,
      status: 'committed',
      reference,
      orderId: request.orderId,
      seq,
    });
    await appendToOutbox(manager, [holdStatusEvent(view)]);
    return ok(view);
  });
}
