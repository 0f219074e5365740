import type { routing } from '@omnistock/contracts';
import type { Point } from './great-circle.js';

/** A location as routing sees it: what it can do, how busy it is today, and what it may sell. */
export interface CandidateLocation {
  code: string;
  kind: string;
  lat: number;
  lon: number;
  capabilities: readonly string[];
  /** Fulfilments per day; undefined means unlimited. */
  dailyCapacity?: number;
  /** IANA zone whose calendar day the capacity counts (UTC when unknown). */
  timezone?: string;
  /** Fulfilments already given to it today. */
  assignedToday: number;
  /** Units the order's channel may take here, per SKU (the ledger's availability). */
  available: ReadonlyMap<string, number>;
}

export interface RoutingInput {
  lines: readonly routing.OrderLineType[];
  method: routing.OrderMethod;
  destination: Point | null;
  pickupLocation: string | null;
  locations: readonly CandidateLocation[];
  /** Locations this order may not go to again (they rejected it), with why. */
  excluded: ReadonlyMap<string, string>;
}

/** The rule set a strategy runs with; `simulate` replays orders under a changed one. */
export interface RoutingRules {
  /** Never split an order into more shipments than this. */
  maxShipments: number;
  /** Kilometres a split must save, per extra shipment, before it beats a single-location fill. */
  splitPenaltyKm: number;
  /** A pickup store that lacks lines gets them by transfer from a shipping location. */
  transferToPickup: boolean;
  /**
   * Lines no location can take wait for stock (`backorder`) or are cancelled (`cancel`).
   * Applied after the strategy, which only says what it could not place.
   */
  unfillable: routing.UnfillablePolicy;
}

export const DEFAULT_RULES: RoutingRules = {
  maxShipments: 3,
  splitPenaltyKm: 1_000_000,
  transferToPickup: true,
  unfillable: 'backorder',
};

export interface Allocation {
  location: string;
  lines: routing.OrderLineType[];
  /** The pickup store the units travel to (ship-to-store), when not the customer. */
  shipTo?: string;
}

export interface RoutePlan {
  strategy: string;
  rules: RoutingRules;
  candidates: routing.RouteCandidateType[];
  allocations: Allocation[];
  backordered: routing.OrderLineType[];
  explanation: string;
}

/** Routing as a policy (Vendure's StockLocationStrategy): pure, so it can be benchmarked and replayed. */
export interface RoutingStrategy {
  readonly name: string;
  route(input: RoutingInput, rules: RoutingRules): RoutePlan;
}
