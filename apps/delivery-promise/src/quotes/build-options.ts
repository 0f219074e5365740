import { promise } from '@omnistock/contracts';
import {
  calendarRules,
  serviceRulesAt,
  type CalendarRow,
  type CarrierServiceRow,
} from '../configuration/config-store.js';
import { distanceKm, type LedgerLocation, type StockSeen } from '../ledger-client.js';
import { isValidTimeZone } from '../time/zoned-time.js';
import type { WindowPolicy } from '../windows/window-policy.js';

export interface Candidate {
  method: 'ship' | 'pickup';
  carrier: string | null;
  level: promise.ServiceLevel | null;
  location: LedgerLocation;
  distanceKm: number;
  fromMs: number;
  toMs: number;
  cutoffMs: number;
  cutoffLocal: string;
  price: { amountMinor: number; currency: string } | null;
  calendarVersion: number;
  carrierVersion: number | null;
}

export interface OptionInputs {
  nowMs: number;
  destination: { lat: number; lon: number };
  customerTimezone: string;
  /** sku → qty wanted, lines with the same SKU already summed. */
  wanted: Map<string, number>;
  stock: StockSeen;
  locations: LedgerLocation[];
  calendars: Map<string, CalendarRow>;
  services: CarrierServiceRow[];
  policy: WindowPolicy;
}

export const NO_OPTION_REASONS = {
  no_stock: 'no location has every line in stock for this channel',
  no_calendar: 'no location with the stock has a delivery calendar',
  not_served: 'no carrier ships to this destination from a location with the stock',
} as const;

const SHIPPING_CAPABILITIES = new Set(['ship', 'ship_from_store']);

function holdsEveryLine(stock: StockSeen, location: string, wanted: Map<string, number>): boolean {
  const here = stock[location] ?? {};
  for (const [sku, qty] of wanted) if ((here[sku] ?? 0) < qty) return false;
  return true;
}

/** Earliest first, then cheapest (an option with no price set after priced ones), then nearest. */
export function byShopperPreference(a: Candidate, b: Candidate): number {
  return (
    a.fromMs - b.fromMs ||
    (a.price?.amountMinor ?? Infinity) - (b.price?.amountMinor ?? Infinity) ||
    a.toMs - b.toMs ||
    a.distanceKm - b.distanceKm ||
    (a.carrier ?? '').localeCompare(b.carrier ?? '')
  );
}

/**
 * Every option the platform can keep, from one location holding every line (a split
 * parcel would need its own window rule). Pure: the quote use case feeds it what the
 * ledger and the configuration said, and stores what it returns.
 */
export function buildOptions(inputs: OptionInputs): {
  candidates: Candidate[];
  reason: string | null;
} {
  const stocked = inputs.locations.filter(
    (location) =>
      holdsEveryLine(inputs.stock, location.code, inputs.wanted) &&
      isValidTimeZone(location.timezone),
  );
  if (stocked.length === 0) return { candidates: [], reason: NO_OPTION_REASONS.no_stock };
  const scheduled = stocked.filter((location) => inputs.calendars.has(location.code));
  if (scheduled.length === 0) return { candidates: [], reason: NO_OPTION_REASONS.no_calendar };

  const candidates: Candidate[] = [];
  const at = (location: LedgerLocation) => distanceKm(inputs.destination, location);
  for (const service of inputs.services) {
    let best: Candidate | undefined;
    for (const location of scheduled) {
      if (!location.capabilities.some((capability) => SHIPPING_CAPABILITIES.has(capability)))
        continue;
      const calendar = inputs.calendars.get(location.code)!;
      const distance = at(location);
      const computed = inputs.policy.shipWindow({
        nowMs: inputs.nowMs,
        locationTimezone: location.timezone,
        customerTimezone: inputs.customerTimezone,
        distanceKm: distance,
        calendar: calendarRules(calendar),
        service: serviceRulesAt(service, location.code),
      });
      if (!computed.ok) continue;
      const candidate: Candidate = {
        method: 'ship',
        carrier: service.carrier,
        level: service.level,
        location,
        distanceKm: distance,
        fromMs: computed.window.fromMs,
        toMs: computed.window.toMs,
        cutoffMs: computed.window.cutoffMs,
        cutoffLocal: computed.window.cutoffLocal,
        price: service.config.price ?? null,
        calendarVersion: calendar.version,
        carrierVersion: service.version,
      };
      if (!best || byShopperPreference(candidate, best) < 0) best = candidate;
    }
    if (best) candidates.push(best);
  }

  const pickups: Candidate[] = [];
  for (const location of scheduled) {
    if (location.kind !== 'store' || !location.capabilities.includes('pickup')) continue;
    const calendar = inputs.calendars.get(location.code)!;
    const distance = at(location);
    const radius =
      calendar.config.pickupRadiusKm ?? promise.PROMISE_LIMITS.pickup_radius_km_default;
    if (distance > radius) continue;
    const computed = inputs.policy.pickupWindow({
      nowMs: inputs.nowMs,
      locationTimezone: location.timezone,
      calendar: calendarRules(calendar),
    });
    if (!computed.ok) continue;
    pickups.push({
      method: 'pickup',
      carrier: null,
      level: null,
      location,
      distanceKm: distance,
      fromMs: computed.window.fromMs,
      toMs: computed.window.toMs,
      cutoffMs: computed.window.cutoffMs,
      cutoffLocal: computed.window.cutoffLocal,
      price: null,
      calendarVersion: calendar.version,
      carrierVersion: null,
    });
  }
  pickups.sort((a, b) => a.distanceKm - b.distanceKm);
  candidates.push(...pickups.slice(0, promise.PROMISE_LIMITS.pickup_options_max));
  candidates.sort(byShopperPreference);
  return {
    candidates,
    reason: candidates.length === 0 ? NO_OPTION_REASONS.not_served : null,
  };
}

/** The customer's zone: the one they gave, else the nearest location's, else UTC. */
export function customerTimezoneFor(
  destination: { lat: number; lon: number; timezone?: string },
  locations: LedgerLocation[],
): string {
  if (destination.timezone) return destination.timezone;
  let nearest: LedgerLocation | undefined;
  for (const location of locations) {
    if (!isValidTimeZone(location.timezone)) continue;
    if (!nearest || distanceKm(destination, location) < distanceKm(destination, nearest))
      nearest = location;
  }
  return nearest?.timezone ?? 'UTC';
}
