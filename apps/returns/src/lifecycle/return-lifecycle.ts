import { fail, ok, type Result, type returns } from '@omnistock/contracts';

/**
 * The return lifecycle as data. `inspected` passes straight on to `closed` once the refund
 * is due; both steps are kept in the history so the desk sees each.
 */
export const RETURN_TRANSITIONS: Readonly<
  Record<returns.ReturnStatus, readonly returns.ReturnStatus[]>
> = {
  authorised: ['received', 'cancelled', 'expired'],
  received: ['inspected'],
  inspected: ['closed'],
  closed: [],
  cancelled: [],
  expired: [],
};

export type ReturnTransition = { kind: 'apply' } | { kind: 'replay' };

/** Already in the target status is a replay; anything else follows the table. */
export function checkReturnTransition(
  id: string,
  from: returns.ReturnStatus,
  to: returns.ReturnStatus,
): Result<ReturnTransition> {
  if (from === to) return ok({ kind: 'replay' });
  if (RETURN_TRANSITIONS[from].includes(to)) return ok({ kind: 'apply' });
  return fail('INVALID_TRANSITION', `return ${id} is ${from}; it cannot become ${to}`, {
    from,
    to,
  });
}
