import { fail, ledger, ok, routing, type Result } from '@omnistock/contracts';
import { callService, type ServiceRuntime } from '@omnistock/service-kit';
import type { EntityManager } from 'typeorm';
import { ORDER_HOLD_TTL_S } from '../ledger/order-hold.js';
import type { Point } from '../routing/great-circle.js';
import { FILTERS } from '../routing/default-routing-strategy.js';
import { toReplayInput, type ReplayInput } from '../routing/replay-input.js';
import type {
  Allocation,
  RoutingInput,
  RoutePlan,
  RoutingRules,
  RoutingStrategy,
} from '../routing/routing-strategy.js';
import { claimCapacity, giveBackCapacity } from './capacity.js';
import { candidatesFor } from './candidates.js';

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

/** Releases holds made by a command that then failed: no held stock is left behind. */
export async function releaseHolds(runtime: ServiceRuntime, holdIds: readonly string[]) {
  for (const id of holdIds) {
    const released = await callService(runtime, ledger.release, {
      id,
      reason: 'order not placed',
    });
    if (!released.ok && released.error.code !== 'HOLD_NOT_FOUND')
      runtime.logger.warn({ holdId: id, error: released.error.code }, 'could not release a hold');
  }
}

/** Reserves each allocation as its own hold; on any refusal, gives back those already made. */
export async function reserveAllocations(
  runtime: ServiceRuntime,
  context: OrderContext,
  allocations: readonly Allocation[],
  placement: number,
): Promise<Result<PlacedFulfilment[]>> {
  const placed: PlacedFulfilment[] = [];
  for (const allocation of allocations) {
    const id = fulfilmentIdFor(context.orderId, placement, allocation.location);
    const hold = await callService(runtime, ledger.reserve, {
      id,
      channel: context.channel,
      lines: allocation.lines.map((line) => ({ ...line, location: allocation.location })),
      ttlSeconds: ORDER_HOLD_TTL_S,
      reference: `order ${context.orderId}`,
    });
    const usable = hold.ok && (hold.value.status === 'held' || hold.value.status === 'committed');
    if (!usable) {
      await releaseHolds(
        runtime,
        placed.map((p) => p.holdId),
      );
      if (!hold.ok) return hold;
      return fail('INSUFFICIENT_STOCK', `hold ${id} is already ${hold.value.status}`);
    }
    placed.push({
      id,
      placement,
      location: allocation.location,
      lines: allocation.lines,
      holdId: id,
      ...(allocation.shipTo ? { shipTo: allocation.shipTo } : {}),
    });
  }
  return ok(placed);
}

/**
 * Routes lines and holds their stock: read stock, let the strategy choose, claim capacity,
 * reserve per location. A race lost to another order (the ledger refuses) re-reads and
 * tries again under the next placement number; after the last attempt, or when nothing
 * can take them, the lines are backordered. Every decision taken is returned for storage.
 */
export async function placeLines(
  runtime: ServiceRuntime,
  manager: EntityManager,
  context: OrderContext,
  lines: readonly routing.OrderLineType[],
  options: {
    excluded: Map<string, string>;
    firstPlacement: number;
    trigger: string;
    strategy: RoutingStrategy;
    rules: RoutingRules;
  },
): Promise<Result<Placement>> {
  const listed = await callService(runtime, ledger.listLocations, {});
  if (!listed.ok) return listed;
  const excluded = new Map(options.excluded);
  const decisions: StoredDecision[] = [];
  let placement = options.firstPlacement;
  for (let attempt = 1; attempt <= PLACEMENT_ATTEMPTS_MAX; attempt++, placement++) {
    if (placement > routing.ROUTING_LIMITS.placements_max) break;
    const candidates = await candidatesFor(
      runtime,
      manager,
      context,
      lines,
      listed.value.locations,
    );
    if (!candidates.ok) return candidates;
    const input = routingInputFor(context, lines, candidates.value, excluded);
    const plan = options.strategy.route(input, options.rules);
    decisions.push(
      decisionOf(plan, placement, attempt === 1 ? options.trigger : 'retry_after_race', input),
    );
    const claimed: string[] = [];
    let full: string | undefined;
    for (const allocation of plan.allocations) {
      const candidate = candidates.value.find((c) => c.code === allocation.location);
      const capacity = candidate?.dailyCapacity;
      if (capacity === undefined) continue;
      if (!(await claimCapacity(manager, allocation.location, capacity, candidate?.timezone))) {
        full = allocation.location;
        break;
      }
      claimed.push(allocation.location);
    }
    if (full === undefined) {
      const placed = await reserveAllocations(runtime, context, plan.allocations, placement);
      if (placed.ok)
        return ok({
          fulfilments: placed.value,
          decisions,
          backordered: plan.backordered,
          lastPlacement: placement,
        });
      if (!RACE_CODES.has(placed.error.code)) return placed;
    } else {
      excluded.set(full, 'capacity_full_today');
    }
    for (const location of claimed) {
      await giveBackCapacity(
        manager,
        location,
        candidates.value.find((c) => c.code === location)?.timezone,
      );
    }
  }
  return ok({
    fulfilments: [],
    decisions,
    backordered: [...lines],
    lastPlacement: placement - 1,
  });
}
