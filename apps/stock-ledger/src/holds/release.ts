import { ok, type ledger, type RequestOf, type Result } from '@omnistock/contracts';
import type { DataSource } from 'typeorm';
import { settleHolds } from './give-back.js';
import { transitionHold } from './transition-hold.js';

/**
 * Void the hold: its units are sellable again. Only the owner may (a cart hold's channel,
 * an order's hold by that order); releasing a released hold replays; an expired one is refused.
 */
export function release(
  dataSource: DataSource,
  request: RequestOf<typeof ledger.release>,
): Promise<Result<ledger.HoldViewType>> {
  return transitionHold(
    dataSource,
    request.id,
    request.principal,
    'released',
    async (manager, hold) => {
      const settled = await settleHolds(manager, [hold], 'released', {
        actor: request.actor,
        reason: request.reason,
      });
      return settled.ok ? ok(settled.value[0]) : settled;
    },
  );
}
