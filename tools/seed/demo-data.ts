import { LIMITS, type ledger, type RequestOf } from '@omnistock/contracts';

export type DemoLocation = RequestOf<typeof ledger.upsertLocations>['locations'][number];
export type DemoSku = RequestOf<typeof ledger.upsertSkus>['skus'][number];
export type DemoChannel = RequestOf<typeof ledger.upsertChannels>['channels'][number];
export type DemoReceipt = RequestOf<typeof ledger.receiveStock>;

const TIMEZONE = 'Europe/London';

/** Everything the demo shows off: national warehouses, high-street stores and a locker. */
export const DEMO_LOCATIONS: readonly DemoLocation[] = [
  warehouse('WH-LDN-1', 'London distribution centre, Dartford', 51.4462, 0.2187),
  warehouse('WH-MAN-1', 'Manchester distribution centre, Trafford Park', 53.4631, -2.3258),
  store('ST-LDN-01', 'London Oxford Street', 51.5154, -0.1419),
  store('ST-BHM-02', 'Birmingham Bullring', 52.4777, -1.8943),
  store('ST-LDS-03', 'Leeds Briggate', 53.7972, -1.5418),
  store('ST-MAN-04', 'Manchester Market Street', 53.483, -2.24),
  store('ST-GLA-05', 'Glasgow Buchanan Street', 55.8617, -4.2536),
  store('ST-BRS-06', 'Bristol Cabot Circus', 51.459, -2.584),
  {
    code: 'LK-LDN-01',
    name: "London King's Cross parcel locker",
    kind: 'locker',
    lat: 51.532,
    lon: -0.124,
    timezone: TIMEZONE,
    capabilities: ['pickup'],
    dailyCapacity: 60,
  },
];

function warehouse(code: string, name: string, lat: number, lon: number): DemoLocation {
  const capabilities: DemoLocation['capabilities'] = ['ship', 'returns'];
  return {
    code,
    name,
    kind: 'warehouse',
    lat,
    lon,
    timezone: TIMEZONE,
    capabilities,
    dailyCapacity: 5_000,
  };
}

function store(code: string, name: string, lat: number, lon: number): DemoLocation {
  const capabilities: DemoLocation['capabilities'] = ['pickup', 'ship_from_store', 'returns'];
  return {
    code,
    name,
    kind: 'store',
    lat,
    lon,
    timezone: TIMEZONE,
    capabilities,
    dailyCapacity: 200,
  };
}

const locationCodes = (kind: DemoLocation['kind']) =>
  DEMO_LOCATIONS.filter((location) => location.kind === kind).map((location) => location.code);

// 10 products × 4 colours × 5 sizes = 200 SKUs, with codes a shop floor would recognise.
const PRODUCTS = [
  ['TEE', 'Organic cotton tee'],
  ['HOOD', 'Loopback hoodie'],
  ['JEAN', 'Straight-leg jeans'],
  ['CHINO', 'Slim chinos'],
  ['JKT', 'Waxed field jacket'],
  ['KNIT', 'Merino crew jumper'],
  ['SHIRT', 'Oxford shirt'],
  ['DRESS', 'Linen midi dress'],
  ['SHORT', 'Swim shorts'],
  ['COAT', 'Wool overcoat'],
] as const;
const COLOURS = [
  ['BLK', 'black'],
  ['NVY', 'navy'],
  ['OLV', 'olive'],
  ['ECR', 'ecru'],
] as const;
const SIZES = ['XS', 'S', 'M', 'L', 'XL'] as const;

export const DEMO_SKUS: readonly DemoSku[] = PRODUCTS.flatMap(([product, productName]) =>
  COLOURS.flatMap(([colour, colourName]) =>
    SIZES.map((size) => ({
      sku: `${product}-${colour}-${size}`,
      name: `${productName}, ${colourName}, ${size}`,
    })),
  ),
);

/** Web and app sell from everywhere; the marketplace sees half of warehouse stock; tills sell from stores. */
export const DEMO_CHANNELS: readonly DemoChannel[] = [
  { code: 'web' },
  { code: 'app' },
  { code: 'marketplace', locations: locationCodes('warehouse'), safetyStock: 2, capPercent: 50 },
  { code: 'store', locations: locationCodes('store') },
];

const WAREHOUSE_QTY_MIN = 20;
const WAREHOUSE_QTY_SPREAD = 180;
const STORE_QTY_MIN = 1;
const STORE_QTY_SPREAD = 12;
/** A store carries roughly two SKUs in three, so pickup options differ from store to store. */
const STORE_RANGE_SHARE_THIRDS = 2;

/**
 * Receipts with fixed ids and quantities derived from the codes (never random), so loading
 * the demo twice replays the same commands and the ledger's idempotency makes it a no-op.
 */
export const DEMO_RECEIPTS: readonly DemoReceipt[] = DEMO_LOCATIONS.flatMap((location) => {
  const lines = DEMO_SKUS.flatMap(({ sku }) => {
    const hash = stableHash(`${sku}@${location.code}`);
    if (location.kind === 'warehouse')
      return [{ sku, qty: WAREHOUSE_QTY_MIN + (hash % WAREHOUSE_QTY_SPREAD) }];
    if (location.kind === 'store' && hash % 3 < STORE_RANGE_SHARE_THIRDS) {
      return [{ sku, qty: STORE_QTY_MIN + ((hash >>> 8) % STORE_QTY_SPREAD) }];
    }
    return [];
  });
  return chunk(lines, LIMITS.lines_max).map((part, index) => ({
    id: `demo:receipt:${location.code}:${index + 1}`,
    location: location.code,
    lines: part,
    reference: 'demo data',
    actor: 'demo-seed',
  }));
});

/** FNV-1a: tiny, stable across runs and platforms. */
function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size)
    chunks.push(items.slice(start, start + size));
  return chunks;
}
