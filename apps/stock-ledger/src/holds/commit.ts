import { ok, type ledger, type RequestOf, type Result } from '@omnistock/contracts';
import type { DataSource } from 'typeorm';
import { announceHold } from './hold-events.js';
import { holdView, setHoldStatus } from './hold-store.js';
import { transitionHold } from './transition-hold.js';

/** The hold now belongs to an order: it stops expiring. No stock moves; the units stay reserved. */
export function commit(
  dataSource: DataSource,
  request: RequestOf<typeof ledger.commit>,
): Promise<Result<ledger.HoldViewType>> {
  return transitionHold(dataSource, request.id, 'committed', async (manager, hold) => {
    await setHoldStatus(manager, hold.id, 'committed', {
      clearExpiry: true,
      reference: request.reference,
    });
    const view = holdView({
      ...hold,
      status: 'committed',
      reference: request.reference ?? hold.reference,
    });
    await announceHold(manager, view);
    return ok(view);
  });
}
