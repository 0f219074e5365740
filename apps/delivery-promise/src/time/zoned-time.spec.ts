import {
  addDays,
  formatZoned,
  isValidTimeZone,
  weekdayOf,
  zonedInstant,
  zonedParts,
} from './zoned-time.js';

const utc = (iso: string) => Date.parse(iso);

describe('zonedInstant: a wall time in a zone to an instant', () => {
  it.each([
    // London, winter (GMT) and summer (BST)
    ['2026-03-28', '15:00', 'Europe/London', '2026-03-28T15:00:00Z'],
    ['2026-03-30', '15:00', 'Europe/London', '2026-03-30T14:00:00Z'],
    // The spring gap: 01:30 does not exist on 29 March; the wall clock reads 02:30 BST.
    ['2026-03-29', '01:30', 'Europe/London', '2026-03-29T01:30:00Z'],
    ['2026-03-29', '00:30', 'Europe/London', '2026-03-29T00:30:00Z'],
    ['2026-03-29', '03:00', 'Europe/London', '2026-03-29T02:00:00Z'],
    // The autumn overlap: 01:30 happens twice on 25 October; the first (BST) is taken.
    ['2026-10-25', '01:30', 'Europe/London', '2026-10-25T00:30:00Z'],
    ['2026-10-25', '02:30', 'Europe/London', '2026-10-25T02:30:00Z'],
    ['2026-10-23', '15:00', 'Europe/London', '2026-10-23T14:00:00Z'],
    ['2026-10-26', '15:00', 'Europe/London', '2026-10-26T15:00:00Z'],
    // Other zones, either side of UTC and off the hour
    ['2026-06-01', '15:00', 'America/New_York', '2026-06-01T19:00:00Z'],
    ['2026-03-08', '02:30', 'America/New_York', '2026-03-08T07:30:00Z'],
    ['2026-06-01', '09:00', 'Asia/Kolkata', '2026-06-01T03:30:00Z'],
    ['2026-01-01', '00:00', 'Pacific/Auckland', '2025-12-31T11:00:00Z'],
    ['2026-06-01', '23:59', 'UTC', '2026-06-01T23:59:00Z'],
  ])('%s %s in %s is %s', (date, time, zone, expected) => {
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    const [hours, minutes] = time.split(':').map(Number) as [number, number];
    expect(
      new Date(zonedInstant({ year, month, day }, hours * 60 + minutes, zone)).toISOString(),
    ).toBe(new Date(expected).toISOString());
  });
});

describe('zonedParts and formatting', () => {
  it.each([
    ['2026-03-29T00:59:59Z', 'Europe/London', '2026-03-29T00:59:59+00:00', 7],
    ['2026-03-29T01:00:00Z', 'Europe/London', '2026-03-29T02:00:00+01:00', 7],
    ['2026-10-25T00:59:59Z', 'Europe/London', '2026-10-25T01:59:59+01:00', 7],
    ['2026-10-25T01:00:00Z', 'Europe/London', '2026-10-25T01:00:00+00:00', 7],
    ['2026-06-01T03:00:00Z', 'America/New_York', '2026-05-31T23:00:00-04:00', 7],
    ['2026-06-01T20:00:00Z', 'Asia/Kolkata', '2026-06-02T01:30:00+05:30', 2],
  ])('%s in %s reads %s (weekday %i)', (instant, zone, expected, weekday) => {
    expect(formatZoned(utc(instant), zone)).toBe(expected);
    expect(zonedParts(utc(instant), zone).weekday).toBe(weekday);
  });

  it('adds days across month and year ends, and names weekdays ISO-style', () => {
    expect(addDays({ year: 2026, month: 12, day: 31 }, 1)).toEqual({
      year: 2027,
      month: 1,
      day: 1,
    });
    expect(addDays({ year: 2028, month: 2, day: 28 }, 1)).toEqual({
      year: 2028,
      month: 2,
      day: 29,
    });
    expect(weekdayOf({ year: 2026, month: 3, day: 23 })).toBe(1);
    expect(weekdayOf({ year: 2026, month: 3, day: 29 })).toBe(7);
  });

  it('knows a real zone from a made-up one', () => {
    expect(isValidTimeZone('Europe/London')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});
