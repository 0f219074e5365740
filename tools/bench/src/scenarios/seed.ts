import { LIMITS, ledger } from '@omnistock/contracts';
import type { NatsRequester } from '@omnistock/messaging';

async function must<T>(
  reply: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>,
): Promise<T> {
  const result = await reply;
  if (!result.ok) throw new Error(`seeding failed: ${result.error.code} ${result.error.message}`);
  return result.value;
}

export function benchLocationCode(index: number): string {
  return `BENCH-L${String(index).padStart(3, '0')}`;
}

/** Locations, SKUs and the web channel, registered in bulk within the contract's limits. */
export async function seedReference(
  client: NatsRequester,
  locations: number,
  skus: string[],
): Promise<void> {
  await must(
    client.request(ledger.upsertLocations, {
      locations: Array.from({ length: locations }, (_, i) => ({
        code: benchLocationCode(i + 1),
        name: `Bench location ${i + 1}`,
        kind: 'warehouse' as const,
        lat: 50 + (i % 50) / 10,
        lon: -3 + (i % 40) / 10,
        timezone: 'Europe/London',
        capabilities: ['ship' as const],
      })),
    }),
  );
  for (let start = 0; start < skus.length; start += LIMITS.bulk_items_max) {
    await must(
      client.request(ledger.upsertSkus, {
        skus: skus.slice(start, start + LIMITS.bulk_items_max).map((sku) => ({ sku })),
      }),
    );
  }
  await must(client.request(ledger.upsertChannels, { channels: [{ code: 'web' }] }));
}

/** Receives `qty` of each SKU at a location, in receipts within the contract's line and quantity limits. */
export async function receive(
  client: NatsRequester,
  location: string,
  skus: string[],
  qty: number,
): Promise<void> {
  for (let received = 0, part = 0; received < qty; received += LIMITS.qty_max, part++) {
    const partQty = Math.min(LIMITS.qty_max, qty - received);
    for (let start = 0; start < skus.length; start += LIMITS.lines_max) {
      await must(
        client.request(ledger.receiveStock, {
          id: `bench-${location}-${skus[start]}-${part}`,
          location,
          lines: skus.slice(start, start + LIMITS.lines_max).map((sku) => ({ sku, qty: partQty })),
        }),
      );
    }
  }
}

export async function reconcileDrift(client: NatsRequester): Promise<number> {
  return (await must(client.request(ledger.reconcile, {}, { timeout_ms: 60_000 }))).drift.length;
}
