import type { LocalDate } from '../time/zoned-time.js';
import type {
  CalendarRules,
  CarrierServiceRules,
  Computed,
  PickupWindow,
  WindowPolicy,
} from './window-policy.js';

export interface TransferInput {
  nowMs: number;
  /** The location that sends the units (a warehouse): its calendar sets the cut-off. */
  source: { timezone: string; calendar: CalendarRules };
  /** The store or locker the shopper collects from: its hours and lead time set "ready". */
  pickup: { timezone: string; calendar: CalendarRules };
  /** Source to pickup place, for the carrier's distance band. */
  distanceKm: number;
  /** The carrier service that moves the units, as it applies at the source. */
  service: CarrierServiceRules;
}

export interface TransferWindow extends PickupWindow {
  /** The source's cut-off: order later and the units leave a working day later. */
  cutoffMs: number;
  cutoffLocal: string;
  dispatchDate: LocalDate;
  /** When the units are counted on at the pickup place: the end of the carrier's hours. */
  arrivalMs: number;
}

/**
 * Click & collect through a transfer: the source's cut-off and processing by its calendar,
 * the carrier's transit to the pickup place (the same distance bands the ship options use,
 * so the leg is promised exactly as a parcel to a customer there would be), then the
 * pickup place's lead time inside its opening hours. The units are counted as arriving at
 * the end of the carrier's delivery hours, not the start: a carrier that comes at 17:00 to
 * a store closing at 17:30 must not break a promise made for 11:00.
 */
export function transferPickupWindow(
  policy: WindowPolicy,
  input: TransferInput,
): Computed<TransferWindow> {
  const leg = policy.shipWindow({
    nowMs: input.nowMs,
    locationTimezone: input.source.timezone,
    customerTimezone: input.pickup.timezone,
    distanceKm: input.distanceKm,
    calendar: input.source.calendar,
    service: input.service,
  });
  if (!leg.ok) return leg;
  const arrivalMs = leg.window.toMs;
  const ready = policy.pickupWindow({
    nowMs: arrivalMs,
    locationTimezone: input.pickup.timezone,
    calendar: input.pickup.calendar,
  });
  if (!ready.ok) return ready;
  return {
    ok: true,
    window: {
      ...ready.window,
      cutoffMs: leg.window.cutoffMs,
      cutoffLocal: leg.window.cutoffLocal,
      dispatchDate: leg.window.dispatchDate,
      arrivalMs,
    },
  };
}
