import { promise } from '@omnistock/contracts';
import {
  addDays,
  formatLocalDate,
  formatMinutes,
  localDateOf,
  minutesOfDay,
  weekdayOf,
  zonedInstant,
  type LocalDate,
} from '../time/zoned-time.js';
import type {
  CalendarRules,
  CarrierServiceRules,
  Computed,
  PickupInput,
  PickupWindow,
  ShipInput,
  ShipWindow,
  WindowPolicy,
} from './window-policy.js';

const QUARTER_HOUR_MS = 15 * 60_000;
const MINUTE_MS = 60_000;

function isWorkingDay(calendar: CalendarRules, date: LocalDate): boolean {
  if (calendar.holidays.includes(formatLocalDate(date))) return false;
  const weekday = weekdayOf(date);
  return calendar.openingHours.some((hours) => hours.weekday === weekday);
}

function closingMinutes(calendar: CalendarRules, date: LocalDate): number {
  const weekday = weekdayOf(date);
  return Math.max(
    ...calendar.openingHours
      .filter((hours) => hours.weekday === weekday)
      .map((hours) => minutesOfDay(hours.close)),
  );
}

function carrierMoves(service: CarrierServiceRules, date: LocalDate): boolean {
  return (
    !service.nonMovingWeekdays.includes(weekdayOf(date)) &&
    !service.nonMovingDates.includes(formatLocalDate(date))
  );
}

export function transitDaysFor(
  service: Pick<CarrierServiceRules, 'transitDays'>,
  distanceKm: number,
): number | undefined {
  const bands = [...service.transitDays].sort((a, b) => a.upToKm - b.upToKm);
  return bands.find((band) => distanceKm <= band.upToKm)?.days;
}

/** The n-th day after `date` on which the carrier moves (n = 0: the same day). */
function afterMovingDays(
  service: CarrierServiceRules,
  date: LocalDate,
  days: number,
): LocalDate | undefined {
  let current = date;
  let counted = 0;
  for (let step = 0; counted < days; step++) {
    if (step > promise.PROMISE_LIMITS.calendar_search_days_max) return undefined;
    current = addDays(current, 1);
    if (carrierMoves(service, current)) counted++;
  }
  return current;
}

function shipWindow(input: ShipInput): Computed<ShipWindow> {
  const { calendar, service } = input;
  const days = transitDaysFor(service, input.distanceKm);
  if (days === undefined) return { ok: false, reason: 'destination beyond the carrier’s range' };
  // The parcel must be processed before the carrier collects: the cut-off is the earlier of the two.
  const latestCutoffMinutes = Math.min(
    minutesOfDay(calendar.cutoff),
    minutesOfDay(service.collectionTime) - calendar.processingMinutes,
  );
  if (latestCutoffMinutes < 0) return { ok: false, reason: 'processing ends after the collection' };
  const today = localDateOf(input.nowMs, input.locationTimezone);
  for (let offset = 0; offset <= promise.PROMISE_LIMITS.calendar_search_days_max; offset++) {
    const dispatchDate = addDays(today, offset);
    if (!isWorkingDay(calendar, dispatchDate) || !carrierMoves(service, dispatchDate)) continue;
    // A short day (Saturday to 13:00) cannot take orders after it closes.
    const cutoffMinutes = Math.min(latestCutoffMinutes, closingMinutes(calendar, dispatchDate));
    const cutoffMs = zonedInstant(dispatchDate, cutoffMinutes, input.locationTimezone);
    if (input.nowMs >= cutoffMs) continue;
    const deliveryDate = afterMovingDays(service, dispatchDate, days);
    if (!deliveryDate) break;
    const fromMs = zonedInstant(
      deliveryDate,
      minutesOfDay(service.deliveryHours.from),
      input.customerTimezone,
    );
    const toMs = zonedInstant(
      deliveryDate,
      minutesOfDay(service.deliveryHours.to),
      input.customerTimezone,
    );
    // Same day into a zone ahead of the location's can end before the parcel leaves.
    if (toMs <= cutoffMs) continue;
    return {
      ok: true,
      window: {
        cutoffMs,
        cutoffLocal: formatMinutes(cutoffMinutes),
        dispatchDate,
        deliveryDate,
        fromMs,
        toMs,
      },
    };
  }
  return { ok: false, reason: 'no dispatch day within the calendar horizon' };
}

function pickupWindow(input: PickupInput): Computed<PickupWindow> {
  const { calendar } = input;
  const leadMs = calendar.pickupLeadMinutes * MINUTE_MS;
  const today = localDateOf(input.nowMs, input.locationTimezone);
  for (let offset = 0; offset <= promise.PROMISE_LIMITS.calendar_search_days_max; offset++) {
    const date = addDays(today, offset);
    if (!isWorkingDay(calendar, date)) continue;
    const weekday = weekdayOf(date);
    const intervals = calendar.openingHours
      .filter((hours) => hours.weekday === weekday)
      .map((hours) => ({
        closeMinutes: minutesOfDay(hours.close),
        openMs: zonedInstant(date, minutesOfDay(hours.open), input.locationTimezone),
        closeMs: zonedInstant(date, minutesOfDay(hours.close), input.locationTimezone),
      }))
      .sort((a, b) => a.openMs - b.openMs);
    for (const { openMs, closeMs, closeMinutes } of intervals) {
      // Staff pick while the store is open: the lead time starts at opening at the earliest.
      const readyMs = Math.max(input.nowMs, openMs) + leadMs;
      if (readyMs >= closeMs) continue;
      const cutoffMs = closeMs - leadMs;
      const fromMs = Math.ceil(readyMs / QUARTER_HOUR_MS) * QUARTER_HOUR_MS;
      return {
        ok: true,
        window: {
          cutoffMs,
          cutoffLocal: formatMinutes(Math.max(closeMinutes - calendar.pickupLeadMinutes, 0)),
          readyDate: date,
          fromMs: Math.min(fromMs, closeMs),
          toMs: closeMs,
        },
      };
    }
  }
  return { ok: false, reason: 'the store has no opening within the calendar horizon' };
}

export const defaultWindowPolicy: WindowPolicy = { shipWindow, pickupWindow };
