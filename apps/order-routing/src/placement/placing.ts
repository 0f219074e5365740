import { LIMITS, type ErrorBody, type ledger, type routing } from '@omnistock/contracts';
import type { Allocation } from '../routing/routing-strategy.js';
import type { OrderContext, PlacedFulfilment, StoredDecision } from './placement.js';

/**
 * How long a hold made for an order lives before the order is recorded and commits it.
 * The order's saga commits it within moments; if the saga were lost for good, the ledger's
 * expiry frees the units within minutes rather than days.
 */
export const PLACING_HOLD_TTL_S = 10 * 60;

/** What a placement in progress knows, kept in its saga's state so any replica can go on. */
export interface Placing {
  lines: routing.OrderLineType[];
  trigger: string;
  /** 1 for the first try; one more after each race lost or location found full. */
  attempt: number;
  excluded: [location: string, reason: string][];
  /** Placed where this quote said, or refused: a promise is never silently re-routed. */
  promiseId?: string;
  /** The plan of the current attempt, before its number is taken. */
  plan?: {
    allocations: Allocation[];
    backordered: routing.OrderLineType[];
    decision: StoredDecision;
    /** Daily capacity of the chosen locations that have one, for `claim` to take. */
    capacity: { location: string; dailyCapacity: number; timezone?: string }[];
  };
  /** The current attempt's number (hold ids carry it). */
  placement?: number;
  /** Capacity taken for the current attempt, given back if it is abandoned. */
  claimed: { location: string; timezone?: string }[];
  /** Holds of the current attempt, reserved (or being reserved) in the ledger. */
  held: PlacedFulfilment[];
  decisions: StoredDecision[];
  /** A cart hold the order adopted: its units count as the order's own while routing. */
  cart?: { id: string; lines: ledger.HoldLineType[] };
  /** The adopted cart hold became the (single) fulfilment's hold. */
  cartUsed?: boolean;
  /** The cart hold is to be let go before routing again (the plan split or its move lost a race). */
  dropCart?: boolean;
  /** Set when placement ended: lines nobody could take. */
  backordered?: routing.OrderLineType[];
  lastPlacement: number;
}

/** The state every saga that places lines carries. */
export interface PlacingFlow {
  context: OrderContext;
  placing: Placing;
  /** Why the saga is compensating: the reply it ends with. */
  failure?: ErrorBody;
}

export function newPlacing(
  lines: readonly routing.OrderLineType[],
  trigger: string,
  options: { excluded?: [string, string][]; promiseId?: string } = {},
): Placing {
  return {
    lines: lines.map((line) => ({ ...line })),
    trigger,
    attempt: 1,
    excluded: options.excluded ?? [],
    ...(options.promiseId ? { promiseId: options.promiseId } : {}),
    claimed: [],
    held: [],
    decisions: [],
    lastPlacement: 0,
  };
}

/** The reference every hold an order owns carries, so the audit trail names the order. */
export const orderReference = (orderId: string) => `order ${orderId}`;

/** Bounds a refusal's details before they are kept in saga state (a saga row stays small). */
export function failureOf(error: { code: string; message: string; details?: unknown }): ErrorBody {
  const details = JSON.stringify(error.details ?? null);
  return {
    code: error.code as ErrorBody['code'],
    message: error.message.slice(0, LIMITS.reason_length_max * 4),
    ...(error.details !== undefined && details.length <= 4_000 ? { details: error.details } : {}),
  };
}
