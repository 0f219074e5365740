import type { Static } from '@omnistock/contracts';
import type { ledger } from '@omnistock/contracts';

type Location = Static<typeof ledger.Location>;
type Channel = Static<typeof ledger.Channel>;

/**
 * A small estate, so actors meet on the same positions: two warehouses, four stores, a
 * dozen SKUs of which two are hot. Contention is the point; a big estate would hide races.
 */
export const WAREHOUSES = ['WH-N', 'WH-S'] as const;
export const STORES = ['ST-LDN', 'ST-MAN', 'ST-BHM', 'ST-BRS'] as const;
export const LOCATIONS: Location[] = [
  warehouse('WH-N', 'Warehouse north', 53.8, -1.55),
  warehouse('WH-S', 'Warehouse south', 51.45, -0.2),
  store('ST-LDN', 'Store London', 51.51, -0.13),
  store('ST-MAN', 'Store Manchester', 53.48, -2.24),
  store('ST-BHM', 'Store Birmingham', 52.48, -1.9),
  store('ST-BRS', 'Store Bristol', 51.45, -2.59),
];
export const ALL_LOCATIONS = LOCATIONS.map((location) => location.code);

export const SKUS = Array.from({ length: 12 }, (_, i) => `SIM-${String(i).padStart(3, '0')}`);
/** Most carts want one of these: the flash-sale positions. */
export const HOT_SKUS = SKUS.slice(0, 2);

export const CHANNELS: Channel[] = [
  { code: 'web' },
  { code: 'app' },
  { code: 'marketplace', locations: [...WAREHOUSES], safetyStock: 2, capPercent: 50 },
  { code: 'store', locations: [...STORES] },
];
export const CART_CHANNELS = ['web', 'app', 'marketplace'] as const;

export function channelLocations(code: string): string[] {
  const channel = CHANNELS.find((c) => c.code === code);
  return channel?.locations ? [...channel.locations] : [...ALL_LOCATIONS];
}

function warehouse(code: string, name: string, lat: number, lon: number): Location {
  return {
    code,
    name,
    kind: 'warehouse',
    lat,
    lon,
    timezone: 'Europe/London',
    capabilities: ['ship', 'returns'],
  };
}

function store(code: string, name: string, lat: number, lon: number): Location {
  return {
    code,
    name,
    kind: 'store',
    lat,
    lon,
    timezone: 'Europe/London',
    capabilities: ['pickup', 'ship_from_store', 'returns'],
  };
}
