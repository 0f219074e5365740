import type { routing } from '@omnistock/contracts';
import type { Point } from '../routing/great-circle.js';
import { FILTERS } from '../routing/default-routing-strategy.js';
import { toReplayInput, type ReplayInput } from '../routing/replay-input.js';
import type { RoutingInput, RoutePlan } from '../routing/routing-strategy.js';

/** Candidates listed in a stored decision; the rest are counted. */
export const ROUTE_CANDIDATES_SHOWN_MAX = 50;

/** Routing re-reads stock and tries again when another order won a race for the same units. */
export const PLACEMENT_ATTEMPTS_MAX = 4;
/** Ledger refusals that mean "the stock moved since we looked", not "the order is wrong". */
export const RACE_CODES: ReadonlySet<string> = new Set([
  'INSUFFICIENT_STOCK',
  'LOCATION_NOT_ALLOWED',
]);

export interface OrderContext {
  orderId: string;
  channel: string;
  method: routing.OrderMethod;
  destination: Point | null;
  pickupLocation: string | null;
}

/** What the strategy routes: the order's lines and where they go, over these candidates. */
export function routingInputFor(
  context: OrderContext,
  lines: readonly routing.OrderLineType[],
  locations: RoutingInput['locations'],
  excluded: ReadonlyMap<string, string> = new Map(),
): RoutingInput {
  return {
    lines,
    method: context.method,
    destination: context.destination,
    pickupLocation: context.pickupLocation,
    locations,
    excluded: new Map(excluded),
  };
}

export interface PlacedFulfilment {
  id: string;
  placement: number;
  location: string;
  lines: routing.OrderLineType[];
  holdId: string;
  shipTo?: string;
}

/** A decision as stored: with the inputs it was taken on, for `simulate` to replay. */
export type StoredDecision = routing.RouteDecisionType & { inputs?: ReplayInput };

/** What a placement ended with: the fulfilments held, the decisions taken, what is left over. */
export interface Placement {
  fulfilments: PlacedFulfilment[];
  decisions: StoredDecision[];
  backordered: routing.OrderLineType[];
  lastPlacement: number;
}

/**
 * `<order>:<placement>:<location>`, also the hold's id. Placement numbers are never handed
 * out twice (placement-numbers.ts), so an id names one attempt and a retry never meets a
 * stale reply of a released hold.
 */
export function fulfilmentIdFor(orderId: string, placement: number, location: string): string {
  return `${orderId}:${placement}:${location}`;
}

/**
 * Locations that were never in the running (none of the SKUs) are counted, not listed, and
 * the list is capped, so an order's explanation stays readable and within a message's size
 * over a thousand locations. The routable ones come first, nearest first.
 */
export function shownCandidates(candidates: readonly routing.RouteCandidateType[]): {
  candidates: routing.RouteCandidateType[];
  candidatesOmitted: number;
} {
  const rank = (c: routing.RouteCandidateType) => (c.removedBy === null ? 0 : 1);
  const shown = candidates
    .filter((c) => c.removedBy !== FILTERS.noStock)
    .sort(
      (a, b) =>
        rank(a) - rank(b) ||
        (a.distanceKm ?? 0) - (b.distanceKm ?? 0) ||
        a.location.localeCompare(b.location),
    )
    .slice(0, ROUTE_CANDIDATES_SHOWN_MAX);
  return { candidates: shown, candidatesOmitted: candidates.length - shown.length };
}

export function decisionOf(
  plan: RoutePlan,
  placement: number,
  trigger: string,
  input?: RoutingInput,
): StoredDecision {
  return {
    ...(input ? { inputs: toReplayInput(input) } : {}),
    placement,
    trigger,
    strategy: plan.strategy,
    rules: { ...plan.rules },
    ...shownCandidates(plan.candidates),
    allocations: plan.allocations,
    backordered: plan.backordered,
    explanation: plan.explanation,
    at: new Date().toISOString(),
  };
}
