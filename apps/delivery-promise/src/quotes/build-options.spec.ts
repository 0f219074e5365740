import type { CalendarRow, CarrierServiceRow } from '../configuration/config-store.js';
import type { LedgerLocation } from '../ledger-client.js';
import { defaultWindowPolicy } from '../windows/default-window-policy.js';
import {
  buildOptions,
  customerTimezoneFor,
  inReach,
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

  it('offers pickup from the shelf only at stores holding every line within their radius', () => {
    const short = buildOptions(
      inputs({ stock: { 'WH-1': { 'SKU-A': 5 }, 'ST-1': { 'SKU-A': 1 } } }),
    );
    expect(short.candidates.some((c) => c.method === 'pickup' && !c.transfer)).toBe(false);
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

  describe('a store without the stock on its shelf', () => {
    const SHORT = { 'WH-1': { 'SKU-A': 5 }, 'ST-1': { 'SKU-A': 1 } };
    const pickupOf = (built: ReturnType<typeof buildOptions>) =>
      built.candidates.find((c) => c.method === 'pickup' && c.location.code === 'ST-1');

    it('gets a later pickup through a transfer from the warehouse, on a standard service', () => {
      const shelf = pickupOf(buildOptions(inputs()))!;
      const transfer = pickupOf(buildOptions(inputs({ stock: SHORT })))!;
      expect(shelf.transfer).toBeUndefined();
      expect(transfer.transfer).toMatchObject({ from: { code: 'WH-1' }, level: 'standard' });
      expect(transfer.fromMs).toBeGreaterThan(shelf.fromMs);
      // Monday 10:00: leaves WH-1 by its 15:00 cut-off, arrives Tuesday by 18:00 (after the
      // store closes), ready Wednesday an hour after opening.
      expect(new Date(transfer.cutoffMs).toISOString()).toBe('2026-03-23T15:00:00.000Z');
      expect(new Date(transfer.fromMs).toISOString()).toBe('2026-03-25T10:00:00.000Z');
    });

    it('takes its units from the nearest location that fills every line, as routing does', () => {
      const near = location('WH-NEAR', 51.53, -0.13);
      const partial = location('WH-PART', 51.521, -0.131);
      const built = buildOptions(
        inputs({
          stock: { ...SHORT, 'WH-NEAR': { 'SKU-A': 2 }, 'WH-PART': { 'SKU-A': 1 } },
          locations: [WAREHOUSE, near, partial, STORE],
          calendars: new Map(
            ['WH-1', 'WH-NEAR', 'WH-PART', 'ST-1'].map((code) => [code, calendar(code)]),
          ),
        }),
      );
      expect(pickupOf(built)!.transfer!.from.code).toBe('WH-NEAR');
    });

    it('gets no pickup when no standard service reaches the store', () => {
      const express = { ...service('FAST', 900), level: 'express' as const };
      const built = buildOptions(inputs({ stock: SHORT, services: [express] }));
      expect(pickupOf(built)).toBeUndefined();
    });
  });

  describe('lockers', () => {
    const LOCKER = location('LK-1', 51.515, -0.125, { kind: 'locker', capabilities: ['pickup'] });
    const withLocker = (fits?: boolean) =>
      inputs({
        locations: [WAREHOUSE, STORE, LOCKER],
        calendars: new Map(['WH-1', 'ST-1', 'LK-1'].map((code) => [code, calendar(code)])),
        ...(fits === undefined ? {} : { lockerFits: new Map([['LK-1', fits]]) }),
      });
    const lockerOf = (built: ReturnType<typeof buildOptions>) =>
      built.candidates.find((c) => c.location.code === 'LK-1');

    it('gets an option, by transfer, only when routing says the parcel fits', () => {
      expect(lockerOf(buildOptions(withLocker(true)))).toMatchObject({
        method: 'pickup',
        pickupKind: 'locker',
        transfer: { from: { code: 'WH-1' } },
      });
      expect(lockerOf(buildOptions(withLocker(false)))).toBeUndefined();
      expect(lockerOf(buildOptions(withLocker()))).toBeUndefined();
    });

    it('lists the lockers within their pickup radius, nearest first', () => {
      const far = location('LK-FAR', 52.5, -1.9, { kind: 'locker', capabilities: ['pickup'] });
      const calendars = new Map(['LK-1', 'LK-FAR'].map((code) => [code, calendar(code)]));
      expect(
        inReach({ lat: 51.51, lon: -0.12 }, [far, LOCKER, STORE], calendars, 'locker').map(
          (found) => found.location.code,
        ),
      ).toEqual(['LK-1']);
    });
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
