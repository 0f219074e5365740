import { ledger, ok, type ReplyOf, type Result } from '@omnistock/contracts';
import { callService, type ServiceRuntime } from '@omnistock/service-kit';

export type LedgerLocation = ReplyOf<typeof ledger.listLocations>['locations'][number];
/** location → sku → what the channel may sell there. */
export type StockSeen = Record<string, Record<string, number>>;

/** The ledger's answers as results: its error codes (UNKNOWN_SKU, SERVICE_UNAVAILABLE) pass through unchanged. */
export async function stockFor(
  runtime: ServiceRuntime,
  channel: string,
  skus: string[],
  locations?: string[],
): Promise<Result<StockSeen>> {
  const reply = await callService(runtime, ledger.availability, {
    channel,
    skus,
    ...(locations ? { locations } : {}),
  });
  if (!reply.ok) return reply;
  const seen: StockSeen = {};
  for (const item of reply.value.items) {
    for (const entry of item.locations) {
      (seen[entry.location] ??= {})[item.sku] = entry.available;
    }
  }
  return ok(seen);
}

export async function locationsOf(
  runtime: ServiceRuntime,
  codes?: string[],
): Promise<Result<LedgerLocation[]>> {
  const reply = await callService(runtime, ledger.listLocations, codes ? { codes } : {});
  if (!reply.ok) return reply;
  return ok(reply.value.locations);
}

const EARTH_RADIUS_KM = 6371;

export function distanceKm(
  a: { lat: number; lon: number },
  b: { lat: number; lon: number },
): number {
  const radians = (degrees: number) => (degrees * Math.PI) / 180;
  const dLat = radians(b.lat - a.lat);
  const dLon = radians(b.lon - a.lon);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(radians(a.lat)) * Math.cos(radians(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h));
}
