import type { promise } from '@omnistock/contracts';
import type { LocalDate } from '../time/zoned-time.js';

/** A location's working week as configured, in its own zone. */
export interface CalendarRules {
  openingHours: { weekday: number; open: string; close: string }[];
  holidays: string[];
  cutoff: string;
  processingMinutes: number;
  pickupLeadMinutes: number;
}

/** One carrier service as it applies at one dispatching location. */
export interface CarrierServiceRules {
  carrier: string;
  level: promise.ServiceLevel;
  transitDays: { upToKm: number; days: number }[];
  nonMovingWeekdays: number[];
  nonMovingDates: string[];
  /** When the carrier collects at this location, in its zone. */
  collectionTime: string;
  deliveryHours: { from: string; to: string };
}

export interface ShipInput {
  nowMs: number;
  locationTimezone: string;
  customerTimezone: string;
  distanceKm: number;
  calendar: CalendarRules;
  service: CarrierServiceRules;
}

export interface ShipWindow {
  /** The last instant an order still makes this window (exclusive). */
  cutoffMs: number;
  /** The cut-off as the location's wall time, e.g. "15:00": kept-rate is grouped by it. */
  cutoffLocal: string;
  dispatchDate: LocalDate;
  deliveryDate: LocalDate;
  fromMs: number;
  toMs: number;
}

export interface PickupInput {
  nowMs: number;
  locationTimezone: string;
  calendar: CalendarRules;
}

export interface PickupWindow {
  cutoffMs: number;
  cutoffLocal: string;
  readyDate: LocalDate;
  /** Ready from (rounded up to the quarter hour) until the store closes that day. */
  fromMs: number;
  toMs: number;
}

export type Computed<T> = { ok: true; window: T } | { ok: false; reason: string };

/**
 * How delivery windows are computed: a strategy, so a retailer can bring its own (a
 * carrier's API, a safety margin) without touching quoting; `defaultWindowPolicy` is
 * calendar + cut-off + transit days by distance band.
 */
export interface WindowPolicy {
  shipWindow(input: ShipInput): Computed<ShipWindow>;
  pickupWindow(input: PickupInput): Computed<PickupWindow>;
}
