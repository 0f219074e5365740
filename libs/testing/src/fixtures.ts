/** A small estate every suite can seed: one warehouse and two stores with different powers. */
export const TEST_LOCATIONS = [
  {
    code: 'WH-1',
    name: 'Warehouse one',
    kind: 'warehouse' as const,
    lat: 51.5,
    lon: -0.1,
    timezone: 'Europe/London',
    capabilities: ['ship' as const, 'returns' as const],
  },
  {
    code: 'ST-1',
    name: 'Store one',
    kind: 'store' as const,
    lat: 53.48,
    lon: -2.24,
    timezone: 'Europe/London',
    capabilities: ['pickup' as const, 'ship_from_store' as const, 'returns' as const],
  },
  {
    code: 'ST-2',
    name: 'Store two',
    kind: 'store' as const,
    lat: 52.48,
    lon: -1.9,
    timezone: 'Europe/London',
    capabilities: ['pickup' as const, 'returns' as const],
  },
];
