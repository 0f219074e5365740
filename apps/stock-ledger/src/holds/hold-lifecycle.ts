import { fail, ok, type ledger, type Result } from '@omnistock/contracts';

/**
 * The hold lifecycle as data (a two-phase transfer): `held` is pending with a timeout,
 * `committed` is pending for an order, `fulfilled` posts it, `released` and `expired` void it.
 */
export const HOLD_TRANSITIONS: Readonly<Record<ledger.HoldStatus, readonly ledger.HoldStatus[]>> = {
  held: ['committed', 'fulfilled', 'released', 'expired'],
  committed: ['fulfilled', 'released'],
  fulfilled: [],
  released: [],
  expired: [],
};

/** Statuses in which a hold's lines may still change place; only a cart hold's expiry may be extended. */
export const HOLD_MOVABLE: readonly ledger.HoldStatus[] = ['held', 'committed'];
export const HOLD_EXTENDABLE: readonly ledger.HoldStatus[] = ['held'];

export type TransitionCheck = { kind: 'apply' } | { kind: 'replay' };

/** Already in the target status is a replay of the command that put it there; anything else follows the table. */
export function checkTransition(
  holdId: string,
  from: ledger.HoldStatus,
  to: ledger.HoldStatus,
): Result<TransitionCheck> {
  if (from === to) return ok({ kind: 'replay' });
  if (HOLD_TRANSITIONS[from].includes(to)) return ok({ kind: 'apply' });
  return fail('INVALID_TRANSITION', `hold ${holdId} is ${from}; it cannot become ${to}`, {
    from,
    to,
  });
}

export function checkStatusIn(
  holdId: string,
  status: ledger.HoldStatus,
  allowed: readonly ledger.HoldStatus[],
  action: string,
): Result<void> {
  if (allowed.includes(status)) return ok(undefined);
  return fail(
    'INVALID_TRANSITION',
    `hold ${holdId} is ${status}; only a ${allowed.join(' or ')} hold can be ${action}`,
    {
      from: status,
    },
  );
}
