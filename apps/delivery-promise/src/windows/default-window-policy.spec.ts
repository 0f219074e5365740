import { defaultWindowPolicy } from './default-window-policy.js';
import { cutoffText } from './describe.js';
import type { CalendarRules, CarrierServiceRules } from './window-policy.js';

const WEEKDAYS_8_TO_18 = [1, 2, 3, 4, 5].map((weekday) => ({
  weekday,
  open: '08:00',
  close: '18:00',
}));
const WAREHOUSE: CalendarRules = {
  openingHours: [...WEEKDAYS_8_TO_18, { weekday: 6, open: '09:00', close: '13:00' }],
  holidays: [],
  cutoff: '15:00',
  processingMinutes: 60,
  pickupLeadMinutes: 120,
};
const STANDARD: CarrierServiceRules = {
  carrier: 'DPD',
  level: 'standard',
  transitDays: [
    { upToKm: 100, days: 1 },
    { upToKm: 1000, days: 2 },
  ],
  nonMovingWeekdays: [7],
  nonMovingDates: [],
  collectionTime: '17:00',
  deliveryHours: { from: '09:00', to: '18:00' },
};

const iso = (ms: number) => new Date(ms).toISOString().replace('.000', '');

interface ShipCase {
  name: string;
  now: string;
  calendar?: Partial<CalendarRules>;
  service?: Partial<CarrierServiceRules>;
  distanceKm?: number;
  locationTimezone?: string;
  customerTimezone?: string;
  cutoff: string;
  window: [string, string];
}

describe('default window policy: shipping', () => {
  const cases: ShipCase[] = [
    {
      name: 'one second before the cut-off leaves today',
      now: '2026-03-23T14:59:59Z',
      cutoff: '2026-03-23T15:00:00Z',
      window: ['2026-03-24T09:00:00Z', '2026-03-24T18:00:00Z'],
    },
    {
      name: 'at the cut-off leaves tomorrow',
      now: '2026-03-23T15:00:00Z',
      cutoff: '2026-03-24T15:00:00Z',
      window: ['2026-03-25T09:00:00Z', '2026-03-25T18:00:00Z'],
    },
    {
      name: 'one second after the cut-off leaves tomorrow',
      now: '2026-03-23T15:00:01Z',
      cutoff: '2026-03-24T15:00:00Z',
      window: ['2026-03-25T09:00:00Z', '2026-03-25T18:00:00Z'],
    },
    {
      name: 'a holiday on the cut-off day moves dispatch to the next working day',
      now: '2026-03-23T10:00:00Z',
      calendar: { holidays: ['2026-03-23'] },
      cutoff: '2026-03-24T15:00:00Z',
      window: ['2026-03-25T09:00:00Z', '2026-03-25T18:00:00Z'],
    },
    {
      name: 'a carrier that does not move on a date skips it in transit',
      now: '2026-03-23T10:00:00Z',
      service: { nonMovingDates: ['2026-03-24'] },
      cutoff: '2026-03-23T15:00:00Z',
      window: ['2026-03-25T09:00:00Z', '2026-03-25T18:00:00Z'],
    },
    {
      name: 'the collection time less processing comes before the configured cut-off',
      now: '2026-03-23T14:30:00Z',
      service: { collectionTime: '15:30' },
      cutoff: '2026-03-24T14:30:00Z',
      window: ['2026-03-25T09:00:00Z', '2026-03-25T18:00:00Z'],
    },
    {
      name: 'Saturday closes at 13:00, so its cut-off is 13:00; Sunday the carrier rests',
      now: '2026-03-21T12:59:59Z',
      cutoff: '2026-03-21T13:00:00Z',
      window: ['2026-03-23T09:00:00Z', '2026-03-23T18:00:00Z'],
    },
    {
      name: 'DST spring: Saturday GMT dispatch arrives Monday in BST (09:00 BST = 08:00Z)',
      now: '2026-03-28T11:00:00Z',
      cutoff: '2026-03-28T13:00:00Z',
      window: ['2026-03-30T08:00:00Z', '2026-03-30T17:00:00Z'],
    },
    {
      name: 'DST spring: Monday after the change, the 15:00 cut-off is 14:00Z; one second before',
      now: '2026-03-30T13:59:59Z',
      cutoff: '2026-03-30T14:00:00Z',
      window: ['2026-03-31T08:00:00Z', '2026-03-31T17:00:00Z'],
    },
    {
      name: 'DST spring: Monday after the change, at 14:00:00Z the cut-off has passed',
      now: '2026-03-30T14:00:00Z',
      cutoff: '2026-03-31T14:00:00Z',
      window: ['2026-04-01T08:00:00Z', '2026-04-01T17:00:00Z'],
    },
    {
      name: 'DST autumn: Friday in BST, cut-off 14:00Z; delivery Monday back in GMT',
      now: '2026-10-23T14:30:00Z',
      service: { nonMovingWeekdays: [6, 7] },
      cutoff: '2026-10-26T15:00:00Z',
      window: ['2026-10-27T09:00:00Z', '2026-10-27T18:00:00Z'],
    },
    {
      name: 'DST autumn: Friday one second before its 15:00 BST cut-off',
      now: '2026-10-23T13:59:59Z',
      service: { nonMovingWeekdays: [6, 7] },
      cutoff: '2026-10-23T14:00:00Z',
      window: ['2026-10-26T09:00:00Z', '2026-10-26T18:00:00Z'],
    },
    {
      name: 'a farther band takes two days',
      now: '2026-03-23T10:00:00Z',
      distanceKm: 400,
      cutoff: '2026-03-23T15:00:00Z',
      window: ['2026-03-25T09:00:00Z', '2026-03-25T18:00:00Z'],
    },
    {
      name: 'a New York location: its 15:00 EDT cut-off; the window in the London customer’s hours',
      now: '2026-06-01T18:59:59Z',
      locationTimezone: 'America/New_York',
      cutoff: '2026-06-01T19:00:00Z',
      window: ['2026-06-02T08:00:00Z', '2026-06-02T17:00:00Z'],
    },
    {
      name: 'a New York location one second after its cut-off',
      now: '2026-06-01T19:00:01Z',
      locationTimezone: 'America/New_York',
      cutoff: '2026-06-02T19:00:00Z',
      window: ['2026-06-03T08:00:00Z', '2026-06-03T17:00:00Z'],
    },
    {
      name: 'same day: zero transit days, evening window',
      now: '2026-03-23T10:00:00Z',
      service: {
        level: 'same_day',
        transitDays: [{ upToKm: 30, days: 0 }],
        deliveryHours: { from: '18:00', to: '22:00' },
      },
      distanceKm: 12,
      cutoff: '2026-03-23T15:00:00Z',
      window: ['2026-03-23T18:00:00Z', '2026-03-23T22:00:00Z'],
    },
  ];

  it.each(cases)('$name', (testCase) => {
    const result = defaultWindowPolicy.shipWindow({
      nowMs: Date.parse(testCase.now),
      locationTimezone: testCase.locationTimezone ?? 'Europe/London',
      customerTimezone: testCase.customerTimezone ?? 'Europe/London',
      distanceKm: testCase.distanceKm ?? 50,
      calendar: { ...WAREHOUSE, ...testCase.calendar },
      service: { ...STANDARD, ...testCase.service },
    });
    if (!result.ok) throw new Error(result.reason);
    expect({
      cutoff: iso(result.window.cutoffMs),
      window: [iso(result.window.fromMs), iso(result.window.toMs)],
    }).toEqual({ cutoff: testCase.cutoff, window: testCase.window });
  });

  it('refuses a destination beyond every distance band, with the reason', () => {
    const result = defaultWindowPolicy.shipWindow({
      nowMs: Date.parse('2026-03-23T10:00:00Z'),
      locationTimezone: 'Europe/London',
      customerTimezone: 'Europe/London',
      distanceKm: 5_000,
      calendar: WAREHOUSE,
      service: STANDARD,
    });
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('range') });
  });

  it('gives up, with a reason, when the location never opens', () => {
    const result = defaultWindowPolicy.shipWindow({
      nowMs: Date.parse('2026-03-23T10:00:00Z'),
      locationTimezone: 'Europe/London',
      customerTimezone: 'Europe/London',
      distanceKm: 5,
      calendar: { ...WAREHOUSE, openingHours: [] },
      service: STANDARD,
    });
    expect(result.ok).toBe(false);
  });
});

describe('default window policy: click & collect', () => {
  const STORE: CalendarRules = {
    openingHours: [1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, open: '09:00', close: '17:30' })),
    holidays: ['2026-04-03'],
    cutoff: '15:00',
    processingMinutes: 0,
    pickupLeadMinutes: 120,
  };

  it.each([
    [
      'ready today, rounded up to the quarter',
      '2026-03-23T13:55:00Z',
      '2026-03-23T16:00:00Z',
      '2026-03-23T17:30:00Z',
      '2026-03-23T15:30:00Z',
    ],
    [
      'one second before the pickup cut-off',
      '2026-03-23T15:29:59Z',
      '2026-03-23T17:30:00Z',
      '2026-03-23T17:30:00Z',
      '2026-03-23T15:30:00Z',
    ],
    [
      'at the pickup cut-off: tomorrow, two hours after opening',
      '2026-03-23T15:30:00Z',
      '2026-03-24T11:00:00Z',
      '2026-03-24T17:30:00Z',
      '2026-03-24T15:30:00Z',
    ],
    [
      'before opening: two hours after opening',
      '2026-03-23T06:00:00Z',
      '2026-03-23T11:00:00Z',
      '2026-03-23T17:30:00Z',
      '2026-03-23T15:30:00Z',
    ],
    [
      'Sunday closed: Monday',
      '2026-03-29T10:00:00Z',
      '2026-03-30T10:00:00Z',
      '2026-03-30T16:30:00Z',
      '2026-03-30T14:30:00Z',
    ],
    [
      'a holiday (Good Friday): Saturday',
      '2026-04-03T09:00:00Z',
      '2026-04-04T10:00:00Z',
      '2026-04-04T16:30:00Z',
      '2026-04-04T14:30:00Z',
    ],
  ])('%s', (_name, now, from, to, cutoff) => {
    const result = defaultWindowPolicy.pickupWindow({
      nowMs: Date.parse(now),
      locationTimezone: 'Europe/London',
      calendar: STORE,
    });
    if (!result.ok) throw new Error(result.reason);
    expect([
      iso(result.window.fromMs),
      iso(result.window.toMs),
      iso(result.window.cutoffMs),
    ]).toEqual([from, to, cutoff]);
  });
});

describe('cut-off text', () => {
  it.each([
    [2 * 3600 + 14 * 60 + 59, 'order within 2 h 14 min'],
    [3600, 'order within 1 h'],
    [59, 'order within <1 min'],
    [25 * 3600 + 60, 'order within 1 d 1 h 1 min'],
  ])('%i s → %s', (seconds, text) => {
    expect(cutoffText(seconds)).toBe(text);
  });
});
