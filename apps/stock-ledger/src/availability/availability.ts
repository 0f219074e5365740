import {
  fail,
  ok,
  type ledger,
  type RequestOf,
  type ReplyOf,
  type Result,
} from '@omnistock/contracts';
import type { DataSource } from 'typeorm';
import { channelSellsFrom, loadChannel, sellableToChannel } from './channel-policy.js';

type Reply = ReplyOf<typeof ledger.availability>;

/** What a channel may sell, per SKU and location, with its policy applied; read without locks. */
export async function availability(
  dataSource: DataSource,
  request: RequestOf<typeof ledger.availability>,
): Promise<Result<Reply>> {
  const skus = [...new Set(request.skus)];
  const policy = await loadChannel(dataSource.manager, request.channel);
  if (!policy.ok) return policy;
  const [{ unknown }] = await dataSource.query(
    'SELECT ARRAY(SELECT s FROM unnest($1::text[]) s WHERE NOT EXISTS (SELECT 1 FROM skus WHERE sku = s)) AS unknown',
    [skus],
  );
  if (unknown.length > 0)
    return fail('UNKNOWN_SKU', `unknown SKU: ${unknown.join(', ')}`, { skus: unknown });
  const rows: { sku: string; location: string; on_hand: number; reserved: number }[] =
    await dataSource.query(
      `SELECT sku, location, on_hand, reserved FROM positions
     WHERE sku = ANY($1::text[]) AND ($2::text[] IS NULL OR location = ANY($2::text[]))`,
      [skus, request.locations ?? null],
    );
  const bySku = new Map<string, { location: string; available: number }[]>(
    skus.map((sku) => [sku, []]),
  );
  for (const row of rows) {
    if (!channelSellsFrom(policy.value, row.location)) continue;
    const available = sellableToChannel(
      { onHand: row.on_hand, reserved: row.reserved, quarantine: 0, inTransit: 0 },
      policy.value,
    );
    bySku.get(row.sku)!.push({ location: row.location, available });
  }
  return ok({
    items: skus.map((sku) => {
      const locations = bySku
        .get(sku)!
        .sort((a, b) => b.available - a.available || (a.location < b.location ? -1 : 1));
      return { sku, available: locations.reduce((sum, l) => sum + l.available, 0), locations };
    }),
  });
}
