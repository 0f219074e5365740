/**
 * Local wall time ↔ instant for an IANA zone, from Node's ICU alone (no date library).
 * Calendars and cut-offs are wall times in a location's zone; windows are wall times in
 * the customer's; the instants between them must survive DST changes.
 */

/** A calendar date with no zone: what a holiday or a delivery day is. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

export interface ZonedParts extends LocalDate {
  hour: number;
  minute: number;
  second: number;
  /** ISO weekday: 1 Monday … 7 Sunday. */
  weekday: number;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock in `timeZone` at an instant. */
export function zonedParts(instantMs: number, timeZone: string): ZonedParts {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const date = { year: parts.year!, month: parts.month!, day: parts.day! };
  return {
    ...date,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
    weekday: weekdayOf(date),
  };
}

/** Offset of the zone from UTC at an instant, in minutes (London in summer: +60). */
function offsetMinutesAt(instantMs: number, timeZone: string): number {
  const p = zonedParts(instantMs, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(instantMs / 1000) * 1000) / MINUTE_MS);
}

/**
 * The instant a wall time happens in `timeZone`. A wall time that does not exist (the hour
 * skipped in spring) moves forward by the gap, as a clock on the wall would; one that
 * happens twice (autumn) is the first of the two, so a cut-off is never later than said.
 */
export function zonedInstant(date: LocalDate, minutesOfDay: number, timeZone: string): number {
  const wallAsUtc = Date.UTC(date.year, date.month - 1, date.day) + minutesOfDay * MINUTE_MS;
  const offsetBefore = offsetMinutesAt(wallAsUtc - DAY_MS, timeZone);
  const offsetAfter = offsetMinutesAt(wallAsUtc + DAY_MS, timeZone);
  const candidates = [offsetBefore, offsetAfter]
    .map((offset) => wallAsUtc - offset * MINUTE_MS)
    .filter((instant) => {
      const p = zonedParts(instant, timeZone);
      return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) === wallAsUtc;
    })
    .sort((a, b) => a - b);
  if (candidates.length > 0) return candidates[0]!;
  // In the gap: the offset before the change applies, which lands after the jump.
  return wallAsUtc - offsetBefore * MINUTE_MS;
}

export function localDateOf(instantMs: number, timeZone: string): LocalDate {
  const { year, month, day } = zonedParts(instantMs, timeZone);
  return { year, month, day };
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day) + days * DAY_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
  };
}

export function weekdayOf(date: LocalDate): number {
  const sundayZero = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return sundayZero === 0 ? 7 : sundayZero;
}

export function formatLocalDate(date: LocalDate): string {
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}

/** "HH:MM" → minutes since midnight; the contracts' pattern has already bounded it. */
export function minutesOfDay(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours! * 60 + minutes!;
}

export function formatMinutes(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** An instant as ISO 8601 with the zone's offset, e.g. 2026-03-29T09:00:00+01:00. */
export function formatZoned(instantMs: number, timeZone: string): string {
  const p = zonedParts(instantMs, timeZone);
  const offset = offsetMinutesAt(instantMs, timeZone);
  const sign = offset < 0 ? '-' : '+';
  const pad = (value: number) => String(value).padStart(2, '0');
  const absolute = Math.abs(offset);
  return `${formatLocalDate(p)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
}
