import { fail, ok, type Result, type routing } from '@omnistock/contracts';

type Status = routing.FulfilmentStatus;

/** The fulfilment lifecycle as data: one table, one function applies it. */
export const FULFILMENT_TRANSITIONS: Readonly<Record<Status, readonly Status[]>> = {
  assigned: ['accepted', 'rejected', 'cancelled'],
  accepted: ['shipped', 'ready_for_pickup', 'rejected', 'cancelled'],
  ready_for_pickup: ['collected', 'cancelled'],
  shipped: ['delivered'],
  rejected: [],
  delivered: [],
  collected: [],
  cancelled: [],
};

/** Statuses only one method can reach: a parcel is not collected, a pickup is not shipped. */
export const METHOD_OF_STATUS: Readonly<Partial<Record<Status, routing.OrderMethod>>> = {
  shipped: 'ship',
  delivered: 'ship',
  ready_for_pickup: 'pickup',
  collected: 'pickup',
};

/** What reaching a status does to the fulfilment's hold in the ledger. */
export const HOLD_EFFECT: Readonly<Partial<Record<Status, 'commit' | 'release' | 'fulfil'>>> = {
  accepted: 'commit',
  rejected: 'release',
  cancelled: 'release',
  shipped: 'fulfil',
  collected: 'fulfil',
};

/** Statuses in which the units are still the location's to give back. */
export const RELEASABLE: readonly Status[] = ['assigned', 'accepted', 'ready_for_pickup'];

export type FulfilmentTransition = { kind: 'apply' } | { kind: 'replay' };

export function checkFulfilmentTransition(
  id: string,
  method: routing.OrderMethod,
  from: Status,
  to: Status,
): Result<FulfilmentTransition> {
  if (from === to) return ok({ kind: 'replay' });
  const onlyFor = METHOD_OF_STATUS[to];
  if (FULFILMENT_TRANSITIONS[from].includes(to) && (onlyFor === undefined || onlyFor === method))
    return ok({ kind: 'apply' });
  return fail(
    'INVALID_TRANSITION',
    `fulfilment ${id} (${method}) is ${from}; it cannot become ${to}`,
    { from, to, method },
  );
}
