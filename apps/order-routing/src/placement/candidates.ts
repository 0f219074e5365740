import {
  ledger,
  ok,
  type RequestContract,
  type Result,
  type routing,
  type Static,
  type TSchema,
} from '@omnistock/contracts';
import type { EntityManager } from 'typeorm';
import type { CandidateLocation } from '../routing/routing-strategy.js';
import { loadToday } from './capacity.js';
import type { OrderContext } from './placement.js';

export type LedgerLocation = Static<typeof ledger.Location>;

/** Another service's reply as a Result: a saga step's `ctx.call`, or `callService` outside one. */
export type ServiceCall = <Req extends TSchema, Rep extends TSchema>(
  contract: RequestContract<Req, Rep>,
  payload: Static<Req>,
) => Promise<Result<Static<Rep>>>;

/**
 * How long a "not on the shelf" rejection keeps routing from counting those units there:
 * long enough for the store's cycle count, not forever if nobody closes the task.
 */
export const NOT_FOUND_SUPPRESS_S = 24 * 3600;

/**
 * A store said the units were not there: until its cycle-count task is closed (or it is a
 * day old), routing treats that many fewer as available at that position. The ledger's
 * on-hand is not touched; the count will correct it.
 */
async function suppressNotFound(
  manager: EntityManager,
  available: Map<string, Map<string, number>>,
  skus: string[],
): Promise<void> {
  const rows: { location: string; sku: string; qty: number }[] = await manager.query(
    `SELECT location, sku, SUM(qty_not_found)::bigint AS qty FROM cycle_count_tasks
     WHERE status = 'open' AND sku = ANY($1)
       AND created_at > clock_timestamp() - make_interval(secs => $2)
     GROUP BY location, sku`,
    [skus, NOT_FOUND_SUPPRESS_S],
  );
  for (const row of rows) {
    const perSku = available.get(row.location);
    const units = perSku?.get(row.sku);
    if (perSku === undefined || units === undefined) continue;
    if (units > row.qty) perSku.set(row.sku, units - row.qty);
    else perSku.delete(row.sku);
  }
}

/** Every known location with what the order's channel may take there and today's load. */
export async function candidatesFor(
  call: ServiceCall,
  manager: EntityManager,
  context: OrderContext,
  lines: readonly routing.OrderLineType[],
  locations: readonly LedgerLocation[],
): Promise<Result<CandidateLocation[]>> {
  const skus = [...new Set(lines.map((line) => line.sku))];
  const stock = await call(ledger.availability, { channel: context.channel, skus });
  if (!stock.ok) return stock;
  const available = new Map<string, Map<string, number>>();
  for (const item of stock.value.items) {
    for (const at of item.locations) {
      if (at.available <= 0) continue;
      const perSku = available.get(at.location) ?? new Map<string, number>();
      perSku.set(item.sku, at.available);
      available.set(at.location, perSku);
    }
  }
  await suppressNotFound(manager, available, skus);
  const load = await loadToday(manager, locations);
  return ok(
    locations.map((location) => ({
      code: location.code,
      kind: location.kind,
      lat: location.lat,
      lon: location.lon,
      capabilities: location.capabilities,
      dailyCapacity: location.dailyCapacity,
      timezone: location.timezone,
      assignedToday: load.get(location.code) ?? 0,
      available: available.get(location.code) ?? new Map<string, number>(),
    })),
  );
}
