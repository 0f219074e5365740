import { defaultRoutingStrategy } from '../routing/default-routing-strategy.js';
import { DEFAULT_RULES, type CandidateLocation } from '../routing/routing-strategy.js';

export const ROUTING_BENCH = {
  locations: 500,
  lines: 20,
  warm_up_routes: 500,
  measured_routes: 5_000,
  target_ms: 10,
} as const;

/** A deterministic generator, so every run routes the same orders over the same map. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * 500 locations over Great Britain, each stocking a random share of 20 SKUs; an order of 20
 * lines. Some warehouses fill an order alone and others do not, so both paths are measured.
 */
function world(random: () => number): { locations: CandidateLocation[]; skus: string[] } {
  const skus = Array.from({ length: ROUTING_BENCH.lines }, (_, i) => `BENCH-${i}`);
  const locations = Array.from({ length: ROUTING_BENCH.locations }, (_, i) => {
    const warehouse = i % 10 === 0;
    // Warehouses carry nearly the whole range (some fill an order alone); stores a part of it.
    const share = warehouse ? 0.97 : 0.6;
    const available = new Map<string, number>();
    for (const sku of skus)
      if (random() < share) available.set(sku, 1 + Math.floor(random() * (warehouse ? 200 : 20)));
    return {
      code: `L-${i}`,
      kind: warehouse ? 'warehouse' : 'store',
      lat: 50 + random() * 8,
      lon: -5.5 + random() * 7,
      capabilities: warehouse ? ['ship'] : ['pickup', 'ship_from_store'],
      dailyCapacity: i % 7 === 0 ? 10 : undefined,
      assignedToday: Math.floor(random() * 12),
      available,
    };
  });
  return { locations, skus };
}

export interface RoutingBenchResult {
  locations: number;
  lines: number;
  routes: number;
  mean_ms: number;
  p99_ms: number;
  target_ms: number;
  ratio_to_target: number;
  split_share: number;
}

/** Pure, in-process: the strategy's own time per order, without the ledger round trips. */
export function measureRouting(): RoutingBenchResult {
  const random = seeded(42);
  const { locations, skus } = world(random);
  // Every other order asks for bulk on a few lines: no single location has it, so it splits.
  const orders = Array.from({ length: 64 }, (_, n) => ({
    lines: skus.map((sku, i) => ({
      sku,
      qty: n % 2 === 1 && i < 5 ? 150 : 1 + Math.floor(random() * 3),
    })),
    destination: { lat: 50.5 + random() * 7, lon: -5 + random() * 6 },
  }));
  const route = (i: number) =>
    defaultRoutingStrategy.route(
      {
        lines: orders[i % orders.length]!.lines,
        method: 'ship',
        destination: orders[i % orders.length]!.destination,
        pickupLocation: null,
        locations,
        excluded: new Map(),
      },
      DEFAULT_RULES,
    );
  for (let i = 0; i < ROUTING_BENCH.warm_up_routes; i++) route(i);
  const samples: number[] = [];
  let splits = 0;
  for (let i = 0; i < ROUTING_BENCH.measured_routes; i++) {
    const started = performance.now();
    const plan = route(i);
    samples.push(performance.now() - started);
    if (plan.allocations.length > 1) splits++;
  }
  samples.sort((a, b) => a - b);
  const mean = samples.reduce((sum, ms) => sum + ms, 0) / samples.length;
  const p99 = samples[Math.floor(samples.length * 0.99)]!;
  return {
    locations: ROUTING_BENCH.locations,
    lines: ROUTING_BENCH.lines,
    routes: samples.length,
    mean_ms: mean,
    p99_ms: p99,
    target_ms: ROUTING_BENCH.target_ms,
    ratio_to_target: p99 / ROUTING_BENCH.target_ms,
    split_share: splits / samples.length,
  };
}
