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
const CAPABILITIES: Record<'warehouse' | 'store', Location['capabilities']> = {
  warehouse: ['ship', 'returns'],
  store: ['pickup', 'ship_from_store', 'returns'],
};
export const LOCATIONS: Location[] = (
  [
    ['WH-N', 'warehouse', 53.8, -1.55],
    ['WH-S', 'warehouse', 51.45, -0.2],
    ['ST-LDN', 'store', 51.51, -0.13],
    ['ST-MAN', 'store', 53.48, -2.24],
    ['ST-BHM', 'store', 52.48, -1.9],
    ['ST-BRS', 'store', 51.45, -2.59],
  ] as const
).map(([code, kind, lat, lon]) => ({
  code,
  name: `Simulated ${kind} ${code}`,
  kind,
  lat,
  lon,
  timezone: 'Europe/London',
  capabilities: CAPABILITIES[kind],
}));
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
