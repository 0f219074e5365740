import type { CalendarRow, CarrierServiceRow } from '../configuration/config-store.js';
import type { LedgerLocation } from '../ledger-client.js';
import { defaultWindowPolicy } from '../windows/default-window-policy.js';
import {
  buildOptions,
  customerTimezoneFor,
  NO_OPTION_REASONS,
  type OptionInputs,
} from './build-options.js';

const location = (
  code: string,
  lat: number,
  lon: number,
  extra: Partial<LedgerLocation> = {},
): LedgerLocation => ({
  code,
  name: code,
  kind: 'warehouse',
  lat,
  lon,
  timezone: 'Europe/London',
  capabilities: ['ship'],
  ...extra,
});
const calendar = (code: string, extra: Partial<CalendarRow['config']> = {}): CalendarRow => ({
  location: code,
  version: 1,
  config: {
    location: code,
    openingHours: [1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, open: '09:00', close: '17:30' })),
    holidays: [],
    cutoff: '15:00',
    processingMinutes: 0,
    pickupLeadMinutes: 60,
    ...extra,
  },
});
const service = (
  carrier: string,
  price: number | undefined,
  days = 1,
  upToKm = 500,
): CarrierServiceRow => ({
  carrier,
  level: 'standard',
  version: 1,
  config: {
    name: carrier,
    level: 'standard',
    transitDays: [{ upToKm, days }],
    nonMovingWeekdays: [7],
    nonMovingDates: [],
    collectionTimes: [],
    defaultCollectionTime: '17:00',
    deliveryHours: { from: '09:00', to: '18:00' },
    ...(price === undefined ? {} : { price: { amountMinor: price, currency: 'GBP' } }),
  },
});

const WAREHOUSE = location('WH-1', 51.5, -0.1);
const STORE = location('ST-1', 51.52, -0.13, { kind: 'store', capabilities: ['pickup'] });

function inputs(extra: Partial<OptionInputs> = {}): OptionInputs {
  return {
    nowMs: Date.parse('2026-03-23T10:00:00Z'),
    destination: { lat: 51.51, lon: -0.12 },
    customerTimezone: 'Europe/London',
    wanted: new Map([['SKU-A', 2]]),
    stock: { 'WH-1': { 'SKU-A': 5 }, 'ST-1': { 'SKU-A': 2 } },
    locations: [WAREHOUSE, STORE],
    calendars: new Map([
      ['WH-1', calendar('WH-1')],
      ['ST-1', calendar('ST-1')],
    ]),
    services: [
      service('PRICEY', 900),
      service('CHEAP', 300),
      service('SLOW', 100, 2),
      service('FREE', undefined),
    ],
    policy: defaultWindowPolicy,
    ...extra,
  };
}

describe('building quote options', () => {
  it('orders earliest first, then cheapest, an unpriced option after priced ones', () => {
    const { candidates, reason } = buildOptions(inputs());
    expect(reason).toBeNull();
    expect(candidates.map((c) => c.carrier ?? `pickup:${c.location.code}`)).toEqual([
      'pickup:ST-1',
      'CHEAP',
      'PRICEY',
      'FREE',
      'SLOW',
    ]);
  });

  it('offers pickup only from stores holding every line within their radius', () => {
    const short = buildOptions(
      inputs({ stock: { 'WH-1': { 'SKU-A': 5 }, 'ST-1': { 'SKU-A': 1 } } }),
    );
    expect(short.candidates.some((c) => c.method === 'pickup')).toBe(false);
    const far = buildOptions(
      inputs({
        calendars: new Map([
          ['WH-1', calendar('WH-1')],
          ['ST-1', calendar('ST-1', { pickupRadiusKm: 0.5 })],
        ]),
      }),
    );
    expect(far.candidates.some((c) => c.method === 'pickup')).toBe(false);
  });

  it.each([
    ['nobody has the stock', { stock: {} }, NO_OPTION_REASONS.no_stock],
    ['the stock has no calendar', { calendars: new Map() }, NO_OPTION_REASONS.no_calendar],
    [
      'the destination is beyond every band',
      { destination: { lat: -33.86, lon: 151.2 }, locations: [WAREHOUSE] },
      NO_OPTION_REASONS.not_served,
    ],
  ])('gives no options and a reason when %s', (_name, change, reason) => {
    expect(buildOptions(inputs(change as Partial<OptionInputs>))).toEqual({
      candidates: [],
      reason,
    });
  });

  it('takes the customer’s zone from the request, else the nearest location', () => {
    const newYork = location('NY-1', 40.71, -74, { timezone: 'America/New_York' });
    expect(customerTimezoneFor({ lat: 42.36, lon: -71.06 }, [WAREHOUSE, newYork])).toBe(
      'America/New_York',
    );
    expect(
      customerTimezoneFor({ lat: 42.36, lon: -71.06, timezone: 'Europe/Paris' }, [newYork]),
    ).toBe('Europe/Paris');
    expect(customerTimezoneFor({ lat: 0, lon: 0 }, [])).toBe('UTC');
  });
});
