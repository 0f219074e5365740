import { LIMITS, ledger } from '@omnistock/contracts';
import { DEMO_CHANNELS, DEMO_LOCATIONS, DEMO_RECEIPTS, DEMO_SKUS } from '@omnistock/seed';

describe('demo data', () => {
  const kinds = (kind: string) => DEMO_LOCATIONS.filter((location) => location.kind === kind);

  it('has 2 warehouses, 6 stores and 1 locker, with capabilities that fit their kind', () => {
    expect(DEMO_LOCATIONS).toHaveLength(9);
    expect(kinds('warehouse')).toHaveLength(2);
    expect(kinds('store')).toHaveLength(6);
    expect(kinds('locker')).toHaveLength(1);
    for (const location of kinds('warehouse'))
      expect(location.capabilities).toEqual(['ship', 'returns']);
    for (const location of kinds('store')) {
      expect(location.capabilities).toEqual(['pickup', 'ship_from_store', 'returns']);
    }
    expect(kinds('locker')[0].capabilities).toEqual(['pickup']);
    expect(new Set(DEMO_LOCATIONS.map((location) => location.code)).size).toBe(9);
    for (const location of DEMO_LOCATIONS) {
      expect(location.timezone).toBe('Europe/London');
      // Great Britain, roughly: a coordinate typo would put a store in the sea.
      expect(location.lat).toBeGreaterThan(49.9);
      expect(location.lat).toBeLessThan(58.7);
      expect(location.lon).toBeGreaterThan(-7.6);
      expect(location.lon).toBeLessThan(1.8);
    }
  });

  it('has 200 unique SKUs', () => {
    expect(DEMO_SKUS).toHaveLength(200);
    expect(new Set(DEMO_SKUS.map(({ sku }) => sku)).size).toBe(200);
  });

  it('has the four channels with their policies', () => {
    const byCode = Object.fromEntries(DEMO_CHANNELS.map((channel) => [channel.code, channel]));
    expect(Object.keys(byCode)).toEqual(['web', 'app', 'marketplace', 'store']);
    expect(byCode.web.locations).toBeUndefined();
    expect(byCode.app.locations).toBeUndefined();
    expect(byCode.marketplace).toEqual({
      code: 'marketplace',
      locations: kinds('warehouse').map((location) => location.code),
      safetyStock: 2,
      capPercent: 50,
    });
    expect(byCode.store.locations).toEqual(kinds('store').map((location) => location.code));
  });

  it('stocks every SKU in at least three locations, and only at locations that hold stock', () => {
    const stockedAt = new Map<string, Set<string>>();
    for (const receipt of DEMO_RECEIPTS) {
      for (const line of receipt.lines) {
        stockedAt.set(line.sku, (stockedAt.get(line.sku) ?? new Set()).add(receipt.location));
      }
    }
    expect(stockedAt.size).toBe(DEMO_SKUS.length);
    for (const locations of stockedAt.values()) expect(locations.size).toBeGreaterThanOrEqual(3);
    const lockers = new Set(kinds('locker').map((location) => location.code));
    expect(DEMO_RECEIPTS.filter((receipt) => lockers.has(receipt.location))).toEqual([]);
  });

  it('is the same on every load: fixed receipt ids, valid against the contracts', () => {
    expect(new Set(DEMO_RECEIPTS.map((receipt) => receipt.id)).size).toBe(DEMO_RECEIPTS.length);
    for (const receipt of DEMO_RECEIPTS) {
      expect(receipt.lines.length).toBeLessThanOrEqual(LIMITS.lines_max);
      expect(ledger.receiveStock.request.validate(receipt).ok).toBe(true);
    }
    expect(ledger.upsertLocations.request.validate({ locations: DEMO_LOCATIONS }).ok).toBe(true);
    expect(ledger.upsertSkus.request.validate({ skus: DEMO_SKUS }).ok).toBe(true);
    expect(ledger.upsertChannels.request.validate({ channels: DEMO_CHANNELS }).ok).toBe(true);
  });
});
