import type { routing } from '@omnistock/contracts';
import type { RoutingInput } from './routing-strategy.js';

/**
 * What a decision was taken on, kept beside it so a rule change can be replayed on past
 * orders without asking the ledger (and without touching stock). Locations with none of
 * the order's SKUs are left out: no rule can route to them.
 */
export interface ReplayInput {
  lines: routing.OrderLineType[];
  method: routing.OrderMethod;
  destination: { lat: number; lon: number } | null;
  pickupLocation: string | null;
  excluded: [string, string][];
  locations: {
    code: string;
    kind: string;
    lat: number;
    lon: number;
    capabilities: string[];
    dailyCapacity: number | null;
    assignedToday: number;
    available: [string, number][];
  }[];
}

export function toReplayInput(input: RoutingInput): ReplayInput {
  return {
    lines: [...input.lines],
    method: input.method,
    destination: input.destination
      ? { lat: input.destination.lat, lon: input.destination.lon }
      : null,
    pickupLocation: input.pickupLocation,
    excluded: [...input.excluded],
    locations: input.locations
      .filter((location) => location.available.size > 0)
      .map((location) => ({
        code: location.code,
        kind: location.kind,
        lat: location.lat,
        lon: location.lon,
        capabilities: [...location.capabilities],
        dailyCapacity: location.dailyCapacity ?? null,
        assignedToday: location.assignedToday,
        available: [...location.available],
      })),
  };
}

export function fromReplayInput(stored: ReplayInput): RoutingInput {
  return {
    lines: stored.lines,
    method: stored.method,
    destination: stored.destination,
    pickupLocation: stored.pickupLocation,
    excluded: new Map(stored.excluded),
    locations: stored.locations.map((location) => ({
      ...location,
      dailyCapacity: location.dailyCapacity ?? undefined,
      available: new Map(location.available),
    })),
  };
}
