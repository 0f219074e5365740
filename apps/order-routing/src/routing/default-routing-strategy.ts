import type { routing } from '@omnistock/contracts';
import { greatCircleKm } from './great-circle.js';
import type {
  Allocation,
  CandidateLocation,
  RoutePlan,
  RoutingInput,
  RoutingRules,
  RoutingStrategy,
} from './routing-strategy.js';

/** Filters, in the order they are tried; the first that applies is recorded as the reason. */
export const FILTERS = {
  rejected: 'rejected_this_order',
  cannotShip: 'cannot_ship',
  notPickupLocation: 'not_the_pickup_location',
  cannotPickup: 'cannot_pickup',
  cannotShipToStore: 'cannot_ship_to_store',
  capacity: 'capacity_full_today',
  noStock: 'no_stock',
} as const;

const SHIP_CAPABILITIES = ['ship', 'ship_from_store'];

interface Scored {
  location: CandidateLocation;
  distanceKm: number;
}

const canShip = (location: CandidateLocation) =>
  location.capabilities.some((c) => SHIP_CAPABILITIES.includes(c));

function removedBy(
  location: CandidateLocation,
  input: RoutingInput,
  rules: RoutingRules,
): string | null {
  const excludedFor = input.excluded.get(location.code);
  if (excludedFor !== undefined) return excludedFor;
  if (input.method === 'ship') {
    if (!canShip(location)) return FILTERS.cannotShip;
  } else if (location.code === input.pickupLocation) {
    if (!location.capabilities.includes('pickup')) return FILTERS.cannotPickup;
  } else {
    if (!rules.transferToPickup) return FILTERS.notPickupLocation;
    if (!canShip(location)) return FILTERS.cannotShipToStore;
  }
  if (location.dailyCapacity !== undefined && location.assignedToday >= location.dailyCapacity)
    return FILTERS.capacity;
  return null;
}

/** Units of `remaining` the location can send now. */
function coverage(location: CandidateLocation, remaining: ReadonlyMap<string, number>): number {
  let units = 0;
  for (const [sku, qty] of remaining) units += Math.min(qty, location.available.get(sku) ?? 0);
  return units;
}

function totalUnits(remaining: ReadonlyMap<string, number>): number {
  let units = 0;
  for (const qty of remaining.values()) units += qty;
  return units;
}

/** Takes what the location has of what is left; mutates `remaining`. */
function allocate(location: CandidateLocation, remaining: Map<string, number>): Allocation {
  const lines: routing.OrderLineType[] = [];
  for (const [sku, qty] of remaining) {
    const take = Math.min(qty, location.available.get(sku) ?? 0);
    if (take === 0) continue;
    lines.push({ sku, qty: take });
    if (take === qty) remaining.delete(sku);
    else remaining.set(sku, qty - take);
  }
  return { location: location.code, lines };
}

/** Nearer wins; equal distance → deeper stock (less likely to be rejected); then code, for stable replays. */
function nearerFirst(a: Scored, b: Scored, depth: Map<string, number>): number {
  return (
    a.distanceKm - b.distanceKm ||
    (depth.get(b.location.code) ?? 0) - (depth.get(a.location.code) ?? 0) ||
    a.location.code.localeCompare(b.location.code)
  );
}

/** Fewest shipments first: the location covering most of what is left, nearer on a tie. */
const byCoverageThenNearer =
  (depth: Map<string, number>) => (options: { scored: Scored; covers: number }[]) =>
    options.sort((a, b) => b.covers - a.covers || nearerFirst(a.scored, b.scored, depth))[0]!
      .scored;

/**
 * Greedy split: each shipment goes to the location that `pick` prefers among those that
 * still cover something, never more than maxShipments; what is left is backordered.
 */
function split(
  pool: readonly Scored[],
  lines: ReadonlyMap<string, number>,
  maxShipments: number,
  pick: (options: { scored: Scored; covers: number }[]) => Scored,
): { allocations: Allocation[]; remaining: Map<string, number>; km: number } {
  const remaining = new Map(lines);
  const used = new Set<string>();
  const allocations: Allocation[] = [];
  let km = 0;
  while (remaining.size > 0 && allocations.length < maxShipments) {
    const options = pool
      .filter((s) => !used.has(s.location.code))
      .map((scored) => ({ scored, covers: coverage(scored.location, remaining) }))
      .filter((option) => option.covers > 0);
    if (options.length === 0) break;
    const chosen = pick(options);
    used.add(chosen.location.code);
    km += chosen.distanceKm;
    allocations.push(allocate(chosen.location, remaining));
  }
  return { allocations, remaining, km };
}

/**
 * The default policy: filter (rejected here before, capability, capacity left today, stock),
 * then prefer one location that fills everything — the nearest, deeper stock breaking ties —
 * over any split; split only when no single location can, taking the location that covers
 * most first (fewest shipments), never beyond `maxShipments`. Pickup: the store's shelf,
 * then transfers from shipping locations (nearest the store) for what it lacks.
 */
export const defaultRoutingStrategy: RoutingStrategy = {
  name: 'default',
  route(input: RoutingInput, rules: RoutingRules): RoutePlan {
    const wanted = new Map<string, number>();
    for (const line of input.lines) wanted.set(line.sku, (wanted.get(line.sku) ?? 0) + line.qty);
    const wantedUnits = totalUnits(wanted);
    // Pickup: the goods travel to the store, so distance is measured from there.
    const store =
      input.method === 'pickup'
        ? input.locations.find((l) => l.code === input.pickupLocation)
        : undefined;
    const target = input.method === 'pickup' ? (store ?? null) : input.destination;
    const candidates: routing.RouteCandidateType[] = [];
    const pool: Scored[] = [];
    const depth = new Map<string, number>();
    const fillers: Scored[] = [];
    for (const location of input.locations) {
      const distanceKm = target ? greatCircleKm(target, location) : 0;
      const covers = coverage(location, wanted);
      let stockDepth = 0;
      for (const sku of wanted.keys()) stockDepth += location.available.get(sku) ?? 0;
      const filter = removedBy(location, input, rules) ?? (covers === 0 ? FILTERS.noStock : null);
      candidates.push({
        location: location.code,
        removedBy: filter,
        distanceKm: target ? Math.round(distanceKm * 10) / 10 : null,
        coverageUnits: covers,
        fillsAll: covers === wantedUnits,
        stockDepth,
      });
      if (filter !== null) continue;
      const scored = { location, distanceKm };
      depth.set(location.code, stockDepth);
      pool.push(scored);
      if (covers === wantedUnits) fillers.push(scored);
    }
    const plan = (allocations: Allocation[], remaining: Map<string, number>, why: string) => ({
      strategy: this.name,
      rules,
      candidates,
      allocations,
      backordered: [...remaining].map(([sku, qty]) => ({ sku, qty })),
      explanation: why,
    });

    if (input.method === 'pickup') {
      // The store's own shelf first (no transfer), then transfers for what it lacks.
      const remaining = new Map(wanted);
      const shelf = pool.find((s) => s.location.code === input.pickupLocation);
      const allocations = shelf ? [allocate(shelf.location, remaining)] : [];
      const sources = pool.filter((s) => s.location.code !== input.pickupLocation);
      const transfers = split(
        sources,
        remaining,
        rules.maxShipments - allocations.length,
        byCoverageThenNearer(depth),
      );
      const moved = transfers.allocations.map((a) => ({ ...a, shipTo: input.pickupLocation! }));
      const why =
        moved.length === 0
          ? shelf
            ? `${input.pickupLocation} picks from its own shelf`
            : `${input.pickupLocation} has none of it and no transfer can bring it`
          : `${input.pickupLocation} lacks some lines: ${moved.map((a) => a.location).join(', ')} send${moved.length === 1 ? 's' : ''} them to the store`;
      return plan([...allocations, ...moved], transfers.remaining, why);
    }

    const best = [...fillers].sort((a, b) => nearerFirst(a, b, depth))[0];
    if (best) {
      const nearest = split(
        pool,
        wanted,
        rules.maxShipments,
        (options) => options.map((o) => o.scored).sort((a, b) => nearerFirst(a, b, depth))[0]!,
      );
      const splitCost = nearest.km + rules.splitPenaltyKm * (nearest.allocations.length - 1);
      if (
        nearest.remaining.size === 0 &&
        nearest.allocations.length > 1 &&
        splitCost < best.distanceKm
      )
        return plan(
          nearest.allocations,
          nearest.remaining,
          `a split over ${nearest.allocations.length} locations saves more than ${rules.splitPenaltyKm} km per extra shipment over ${best.location.code}`,
        );
      const remaining = new Map(wanted);
      return plan(
        [allocate(best.location, remaining)],
        remaining,
        `${best.location.code} fills the whole order and is the nearest that does (${fillers.length} could)`,
      );
    }
    const greedy = split(pool, wanted, rules.maxShipments, byCoverageThenNearer(depth));
    const why =
      greedy.allocations.length === 0
        ? 'no location can send any of the lines'
        : `no single location fills the order; split over ${greedy.allocations.length} (at most ${rules.maxShipments}), largest share first`;
    return plan(greedy.allocations, greedy.remaining, why);
  },
};
