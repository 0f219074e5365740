import { ok, type ledger, type RequestOf, type Result } from '@omnistock/contracts';
import type { DataSource } from 'typeorm';
import { settleHolds } from './give-back.js';
import { transitionHold } from './transition-hold.js';

/** Post the hold: the units leave (shipped or collected), so reserved and on_hand both fall. */
export function fulfil(
  dataSource: DataSource,
  request: RequestOf<typeof ledger.fulfil>,
): Promise<Result<ledger.HoldViewType>> {
  return transitionHold(
    dataSource,
    request.id,
    request.principal,
    'fulfilled',
    async (manager, hold) => {
      const settled = await settleHolds(manager, [hold], 'fulfilled', {
        actor: request.actor,
        reason: request.reason,
      });
      return settled.ok ? ok(settled.value[0]) : settled;
    },
  );
}
