import { defaultWindowPolicy } from './default-window-policy.js';
import { transferPickupWindow } from './transfer-window.js';
import type { CalendarRules, CarrierServiceRules } from './window-policy.js';

/** Mon–Fri only: a warehouse that does not dispatch at weekends. */
const WAREHOUSE: CalendarRules = {
  openingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '08:00', close: '18:00' })),
  holidays: [],
  cutoff: '15:00',
  processingMinutes: 60,
  pickupLeadMinutes: 0,
};
const STORE: CalendarRules = {
  openingHours: [1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, open: '09:00', close: '17:30' })),
  holidays: [],
  cutoff: '14:00',
  processingMinutes: 0,
  pickupLeadMinutes: 120,
};
/** A morning trunk to stores that does not move at weekends. */
const TRUNK: CarrierServiceRules = {
  carrier: 'DPD',
  level: 'standard',
  transitDays: [{ upToKm: 500, days: 1 }],
  nonMovingWeekdays: [6, 7],
  nonMovingDates: [],
  collectionTime: '17:00',
  deliveryHours: { from: '08:00', to: '12:00' },
};

const iso = (ms: number) => new Date(ms).toISOString().replace('.000', '');

interface TransferCase {
  name: string;
  now: string;
  warehouse?: Partial<CalendarRules>;
  store?: Partial<CalendarRules>;
  service?: Partial<CarrierServiceRules>;
  cutoff: string;
  arrival: string;
  ready: [string, string];
}

// 2026-03-20 is a Friday, 2026-03-23 a Monday; London is on GMT until 29 March.
describe('click & collect through a transfer', () => {
  const cases: TransferCase[] = [
    {
      name: 'Monday morning: leaves today, arrives Tuesday by noon, ready two hours later',
      now: '2026-03-23T10:00:00Z',
      cutoff: '2026-03-23T15:00:00Z',
      arrival: '2026-03-24T12:00:00Z',
      ready: ['2026-03-24T14:00:00Z', '2026-03-24T17:30:00Z'],
    },
    {
      name: 'Friday afternoon before the cut-off: the trunk rests at the weekend, ready Monday',
      now: '2026-03-20T14:00:00Z',
      cutoff: '2026-03-20T15:00:00Z',
      arrival: '2026-03-23T12:00:00Z',
      ready: ['2026-03-23T14:00:00Z', '2026-03-23T17:30:00Z'],
    },
    {
      name: 'Friday one second after the cut-off: leaves Monday, ready Tuesday',
      now: '2026-03-20T15:00:01Z',
      cutoff: '2026-03-23T15:00:00Z',
      arrival: '2026-03-24T12:00:00Z',
      ready: ['2026-03-24T14:00:00Z', '2026-03-24T17:30:00Z'],
    },
    {
      name: 'a warehouse holiday on the cut-off day: leaves Tuesday, ready Wednesday',
      now: '2026-03-23T10:00:00Z',
      warehouse: { holidays: ['2026-03-23'] },
      cutoff: '2026-03-24T15:00:00Z',
      arrival: '2026-03-25T12:00:00Z',
      ready: ['2026-03-25T14:00:00Z', '2026-03-25T17:30:00Z'],
    },
    {
      name: 'a store holiday on the arrival day: ready the next day it opens, lead after opening',
      now: '2026-03-23T10:00:00Z',
      store: { holidays: ['2026-03-24'] },
      cutoff: '2026-03-23T15:00:00Z',
      arrival: '2026-03-24T12:00:00Z',
      ready: ['2026-03-25T11:00:00Z', '2026-03-25T17:30:00Z'],
    },
    {
      name: 'a carrier delivering until 18:00 counts as arriving after the store closes',
      now: '2026-03-23T10:00:00Z',
      service: { deliveryHours: { from: '09:00', to: '18:00' } },
      cutoff: '2026-03-23T15:00:00Z',
      arrival: '2026-03-24T18:00:00Z',
      ready: ['2026-03-25T11:00:00Z', '2026-03-25T17:30:00Z'],
    },
    {
      name: 'DST spring: Friday in GMT, the Monday ready time in BST (14:00 BST = 13:00Z)',
      now: '2026-03-27T14:00:00Z',
      cutoff: '2026-03-27T15:00:00Z',
      arrival: '2026-03-30T11:00:00Z',
      ready: ['2026-03-30T13:00:00Z', '2026-03-30T16:30:00Z'],
    },
  ];

  it.each(cases)('$name', (testCase) => {
    const result = transferPickupWindow(defaultWindowPolicy, {
      nowMs: Date.parse(testCase.now),
      source: { timezone: 'Europe/London', calendar: { ...WAREHOUSE, ...testCase.warehouse } },
      pickup: { timezone: 'Europe/London', calendar: { ...STORE, ...testCase.store } },
      distanceKm: 260,
      service: { ...TRUNK, ...testCase.service },
    });
    if (!result.ok) throw new Error(result.reason);
    expect({
      cutoff: iso(result.window.cutoffMs),
      arrival: iso(result.window.arrivalMs),
      ready: [iso(result.window.fromMs), iso(result.window.toMs)],
    }).toEqual({ cutoff: testCase.cutoff, arrival: testCase.arrival, ready: testCase.ready });
  });

  it('the cut-off is the warehouse’s wall time, for kept-rate by cut-off', () => {
    const result = transferPickupWindow(defaultWindowPolicy, {
      nowMs: Date.parse('2026-03-23T10:00:00Z'),
      source: { timezone: 'Europe/London', calendar: WAREHOUSE },
      pickup: { timezone: 'Europe/London', calendar: STORE },
      distanceKm: 260,
      service: TRUNK,
    });
    expect(result.ok && result.window.cutoffLocal).toBe('15:00');
  });

  it.each([
    ['the store is beyond the carrier’s range', { distanceKm: 900 }, 'range'],
    [
      'the store never opens',
      { pickup: { timezone: 'Europe/London', calendar: { ...STORE, openingHours: [] } } },
      'opening',
    ],
  ])('no window, with the reason, when %s', (_name, change, reason) => {
    const result = transferPickupWindow(defaultWindowPolicy, {
      nowMs: Date.parse('2026-03-23T10:00:00Z'),
      source: { timezone: 'Europe/London', calendar: WAREHOUSE },
      pickup: { timezone: 'Europe/London', calendar: STORE },
      distanceKm: 260,
      service: TRUNK,
      ...change,
    });
    expect(result).toEqual({ ok: false, reason: expect.stringContaining(reason) });
  });
});
