import { promise } from '@omnistock/contracts';
import {
  calendarRules,
  serviceRulesAt,
  type CalendarRow,
  type CarrierServiceRow,
} from '../configuration/config-store.js';
import { distanceKm, type LedgerLocation, type StockSeen } from '../ledger-client.js';
import { isValidTimeZone } from '../time/zoned-time.js';
import { transferPickupWindow } from '../windows/transfer-window.js';
import type { WindowPolicy } from '../windows/window-policy.js';

/** How a pickup's units get to the store or locker when its shelf cannot give them. */
export interface TransferLeg {
  from: LedgerLocation;
  /** Source to pickup place. */
  distanceKm: number;
  carrier: string;
  level: promise.ServiceLevel;
  carrierVersion: number;
  calendarVersion: number;
  arrivalMs: number;
}

export interface Candidate {
  method: 'ship' | 'pickup';
  /** For pickup: a store's counter or a locker. */
  pickupKind?: 'store' | 'locker';
  /** For pickup without the stock on the shelf (always, for a locker). */
  transfer?: TransferLeg;
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
  /** Routing's answer per locker asked; a locker not in it gets no option. */
  lockerFits?: ReadonlyMap<string, boolean>;
}

export const NO_OPTION_REASONS = {
  no_stock: 'no location has every line in stock for this channel',
  no_calendar: 'no location with the stock has a delivery calendar',
  not_served: 'no carrier ships to this destination from a location with the stock',
} as const;

/** Said with options too: the shopper sees fewer than there may be. */
export const LOCKERS_UNCHECKED =
  'locker options left out: routing could not say whether the parcel fits a compartment';

const SHIPPING_CAPABILITIES = new Set(['ship', 'ship_from_store']);
/**
 * The service a transfer leg is promised on: the warehouse's everyday parcel. Promising a
 * store pickup on express would promise a speed nobody pays for on that leg.
 */
export const TRANSFER_LEVEL: promise.ServiceLevel = 'standard';

const canShip = (location: LedgerLocation) =>
  location.capabilities.some((capability) => SHIPPING_CAPABILITIES.has(capability));

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

  // One option per pickup place, the nearest first, until the limit of each kind.
  let stores = 0;
  for (const { location, distanceKm: distance } of inReach(
    inputs.destination,
    inputs.locations,
    inputs.calendars,
    'store',
  )) {
    if (stores >= promise.PROMISE_LIMITS.pickup_options_max) break;
    const onShelf = holdsEveryLine(inputs.stock, location.code, inputs.wanted);
    const pickup = onShelf
      ? shelfPickup(inputs, location, distance)
      : transferPickup(inputs, scheduled, location, distance, 'store');
    if (!pickup) continue;
    candidates.push(pickup);
    stores++;
  }
  let lockers = 0;
  for (const { location, distanceKm: distance } of inReach(
    inputs.destination,
    inputs.locations,
    inputs.calendars,
    'locker',
  )) {
    if (lockers >= promise.PROMISE_LIMITS.locker_options_max) break;
    // A locker holds no stock: its units always come by transfer, and only if they fit.
    if (inputs.lockerFits?.get(location.code) !== true) continue;
    const pickup = transferPickup(inputs, scheduled, location, distance, 'locker');
    if (!pickup) continue;
    candidates.push(pickup);
    lockers++;
  }
  candidates.sort(byShopperPreference);
  return {
    candidates,
    reason: candidates.length === 0 ? NO_OPTION_REASONS.not_served : null,
  };
}

/**
 * Pickup places of one kind with a calendar and the destination inside their pickup
 * radius, nearest first: the stores (and lockers) a shopper would go to.
 */
export function inReach(
  destination: { lat: number; lon: number },
  locations: readonly LedgerLocation[],
  calendars: ReadonlyMap<string, CalendarRow>,
  kind: 'store' | 'locker',
): { location: LedgerLocation; distanceKm: number }[] {
  const found: { location: LedgerLocation; distanceKm: number }[] = [];
  for (const location of locations) {
    if (location.kind !== kind || !location.capabilities.includes('pickup')) continue;
    const calendar = calendars.get(location.code);
    if (!calendar || !isValidTimeZone(location.timezone)) continue;
    const distance = distanceKm(destination, location);
    const radius =
      calendar.config.pickupRadiusKm ?? promise.PROMISE_LIMITS.pickup_radius_km_default;
    if (distance <= radius) found.push({ location, distanceKm: distance });
  }
  return found.sort(
    (a, b) => a.distanceKm - b.distanceKm || a.location.code.localeCompare(b.location.code),
  );
}

function shelfPickup(
  inputs: OptionInputs,
  location: LedgerLocation,
  distance: number,
): Candidate | undefined {
  const calendar = inputs.calendars.get(location.code)!;
  const computed = inputs.policy.pickupWindow({
    nowMs: inputs.nowMs,
    locationTimezone: location.timezone,
    calendar: calendarRules(calendar),
  });
  if (!computed.ok) return undefined;
  return {
    method: 'pickup',
    pickupKind: 'store',
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
  };
}

/**
 * Sources for a transfer in routing's order for a pickup store without the stock (the
 * default strategy's transfer path): a shipping location that fills every line, nearest
 * the pickup place, deeper stock on a tie, then code. The promise names the one it quoted
 * and routing reserves exactly there, so the two cannot disagree on an order placed on it.
 */
export function transferSources(
  inputs: Pick<OptionInputs, 'stock' | 'wanted'>,
  stocked: readonly LedgerLocation[],
  pickup: LedgerLocation,
): { location: LedgerLocation; distanceKm: number }[] {
  const depth = (code: string) => {
    let units = 0;
    for (const sku of inputs.wanted.keys()) units += inputs.stock[code]?.[sku] ?? 0;
    return units;
  };
  return stocked
    .filter((location) => location.code !== pickup.code && canShip(location))
    .map((location) => ({ location, distanceKm: distanceKm(pickup, location) }))
    .sort(
      (a, b) =>
        a.distanceKm - b.distanceKm ||
        depth(b.location.code) - depth(a.location.code) ||
        a.location.code.localeCompare(b.location.code),
    );
}

/** The nearest source that can get the units there in time, on its earliest standard service. */
function transferPickup(
  inputs: OptionInputs,
  scheduled: readonly LedgerLocation[],
  pickup: LedgerLocation,
  distance: number,
  kind: 'store' | 'locker',
): Candidate | undefined {
  const pickupCalendar = inputs.calendars.get(pickup.code)!;
  const services = inputs.services.filter((service) => service.level === TRANSFER_LEVEL);
  for (const source of transferSources(inputs, scheduled, pickup)) {
    const sourceCalendar = inputs.calendars.get(source.location.code)!;
    let best: Candidate | undefined;
    let bestPrice = Infinity;
    for (const service of services) {
      const computed = transferPickupWindow(inputs.policy, {
        nowMs: inputs.nowMs,
        source: { timezone: source.location.timezone, calendar: calendarRules(sourceCalendar) },
        pickup: { timezone: pickup.timezone, calendar: calendarRules(pickupCalendar) },
        distanceKm: source.distanceKm,
        service: serviceRulesAt(service, source.location.code),
      });
      if (!computed.ok) continue;
      const candidate: Candidate = {
        method: 'pickup',
        pickupKind: kind,
        transfer: {
          from: source.location,
          distanceKm: source.distanceKm,
          carrier: service.carrier,
          level: service.level,
          carrierVersion: service.version,
          calendarVersion: sourceCalendar.version,
          arrivalMs: computed.window.arrivalMs,
        },
        carrier: null,
        level: null,
        location: pickup,
        distanceKm: distance,
        fromMs: computed.window.fromMs,
        toMs: computed.window.toMs,
        cutoffMs: computed.window.cutoffMs,
        cutoffLocal: computed.window.cutoffLocal,
        price: null,
        calendarVersion: pickupCalendar.version,
        carrierVersion: null,
      };
      // Earliest ready, then the cheaper leg (an unpriced one last), as for ship options.
      const price = service.config.price?.amountMinor ?? Infinity;
      if (
        !best ||
        candidate.fromMs < best.fromMs ||
        (candidate.fromMs === best.fromMs && price < bestPrice)
      ) {
        best = candidate;
        bestPrice = price;
      }
    }
    // Routing takes the nearest filler: a farther one is quoted only if the nearest cannot.
    if (best) return best;
  }
  return undefined;
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
