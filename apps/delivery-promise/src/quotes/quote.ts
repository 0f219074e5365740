import { randomBytes } from 'node:crypto';
import {
  fail,
  ok,
  promise,
  routing,
  type RequestOf,
  type ReplyOf,
  type Result,
} from '@omnistock/contracts';
import type { NatsRequester } from '@omnistock/messaging';
import type { ServiceRuntime } from '@omnistock/service-kit';
import { loadCalendars, loadCarrierServices } from '../configuration/config-store.js';
import { locationsOf, stockFor } from '../ledger-client.js';
import { parseInstant } from '../time/parse-instant.js';
import { formatLocalDate, isValidTimeZone, localDateOf } from '../time/zoned-time.js';
import { cutoffText, dayText, wallTimeText } from '../windows/describe.js';
import type { WindowPolicy } from '../windows/window-policy.js';
import {
  buildOptions,
  customerTimezoneFor,
  inReach,
  LOCKERS_UNCHECKED,
  type Candidate,
} from './build-options.js';
import {
  confidenceFor,
  confidenceKey,
  PICKUP_CARRIER,
  PICKUP_LEVEL,
  type Confidence,
} from './confidence.js';
import { insertPromises, type PromiseRow, type QuoteOptionView } from './promise-store.js';

type LockerFit = ReplyOf<typeof routing.lockerFit>;
type Calendars = Parameters<typeof inReach>[2];

type Request = RequestOf<typeof promise.quote>;
type Reply = ReplyOf<typeof promise.quote>;

export interface QuoteDeps {
  runtime: ServiceRuntime;
  policy: WindowPolicy;
  nowMs: number;
}

const newPromiseId = () => `pr_${randomBytes(12).toString('base64url')}`;

function wantedOf(lines: Request['lines']): Map<string, number> {
  const wanted = new Map<string, number>();
  for (const line of lines) wanted.set(line.sku, (wanted.get(line.sku) ?? 0) + line.qty);
  return wanted;
}

function optionOf(candidate: Candidate): string {
  if (candidate.method === 'ship') return `ship:${candidate.carrier}:${candidate.level}`;
  return `${candidate.pickupKind === 'locker' ? 'locker' : 'pickup'}:${candidate.location.code}`;
}

/** The pickup place (or dispatching location) first: resolve reads it as where to collect. */
function promisedLocations(candidate: Candidate): string[] {
  return candidate.transfer
    ? [candidate.location.code, candidate.transfer.from.code]
    : [candidate.location.code];
}

/**
 * Asks routing, for each locker a shopper could use, whether the parcel fits a free
 * compartment. Routing down or slow leaves lockers out (undefined), never the quote.
 */
async function lockerFits(
  requester: NatsRequester,
  destination: { lat: number; lon: number },
  locations: Parameters<typeof inReach>[1],
  calendars: Calendars,
  lines: { sku: string; qty: number }[],
): Promise<Map<string, LockerFit> | undefined> {
  const lockers = inReach(destination, locations, calendars, 'locker').slice(
    0,
    promise.PROMISE_LIMITS.locker_options_max,
  );
  const fits = new Map<string, LockerFit>();
  if (lockers.length === 0) return fits;
  const replies = await Promise.all(
    lockers.map(({ location }) =>
      requester.request(
        routing.lockerFit,
        { location: location.code, lines },
        { timeout_ms: promise.PROMISE_LIMITS.locker_fit_timeout_ms },
      ),
    ),
  );
  for (const reply of replies) {
    if (!reply.ok) return undefined;
    fits.set(reply.value.location, reply.value);
  }
  return fits;
}

function viewOf(
  candidate: Candidate,
  id: string,
  nowMs: number,
  customerTimezone: string,
  expiresMs: number,
  confidence: Confidence | undefined,
): QuoteOptionView {
  // A pickup window is read on the store's clock (the shopper goes there); a delivery on theirs.
  const timezone = candidate.method === 'pickup' ? candidate.location.timezone : customerTimezone;
  const date = localDateOf(candidate.fromMs, timezone);
  const localFrom = wallTimeText(candidate.fromMs, timezone);
  const localTo = wallTimeText(candidate.toMs, timezone);
  const remainingSeconds = Math.max(Math.floor((candidate.cutoffMs - nowMs) / 1000), 0);
  const day = dayText(date, nowMs, timezone);
  return {
    promiseId: id,
    option: optionOf(candidate),
    method: candidate.method,
    carrier: candidate.carrier,
    serviceLevel: candidate.level,
    locations: promisedLocations(candidate),
    ...(candidate.method === 'pickup'
      ? candidate.transfer
        ? { via: 'transfer' as const, transferFrom: candidate.transfer.from.code }
        : { via: 'shelf' as const }
      : {}),
    window: {
      from: new Date(candidate.fromMs).toISOString(),
      to: new Date(candidate.toMs).toISOString(),
      localDate: formatLocalDate(date),
      localFrom,
      localTo,
      timezone,
    },
    cutoff: {
      at: new Date(candidate.cutoffMs).toISOString(),
      remainingSeconds,
      text: cutoffText(remainingSeconds),
    },
    summary:
      candidate.method === 'ship'
        ? `arrives ${day}, ${localFrom}–${localTo}`
        : candidate.pickupKind === 'locker'
          ? `in the locker ${day} from ${localFrom}`
          : `ready ${day} from ${localFrom}`,
    price: candidate.price,
    confidence: confidence?.confidence ?? null,
    confidenceBasedOn: confidence?.basedOn ?? 0,
    expiresAt: new Date(expiresMs).toISOString(),
  };
}

/** A transfer's source sends the units to the pickup place; routing reserves them there. */
function allocationOf(
  candidate: Candidate,
  lines: { sku: string; qty: number }[],
): PromiseRow['allocations'][number] {
  return candidate.transfer
    ? { location: candidate.transfer.from.code, lines, shipTo: candidate.location.code }
    : { location: candidate.location.code, lines };
}

/**
 * A quote reads the ledger (stock the channel may sell, locations) and this service's
 * configuration, computes every keepable option with the window policy, and stores each
 * as a promise with its inputs. Nothing is stored unless every input was valid.
 */
export async function quote(deps: QuoteDeps, request: Request): Promise<Result<Reply>> {
  const nowMs = request.now === undefined ? deps.nowMs : parseInstant(request.now);
  if (nowMs === undefined)
    return fail('VALIDATION_FAILED', 'now is not a real instant', {
      problems: [{ path: '/now', message: 'no such date or time' }],
    });
  if (request.destination.timezone !== undefined && !isValidTimeZone(request.destination.timezone))
    return fail('VALIDATION_FAILED', `unknown time zone: ${request.destination.timezone}`, {
      problems: [{ path: '/destination/timezone', message: 'not an IANA time zone' }],
    });
  const wanted = wantedOf(request.lines);
  const stock = await stockFor(deps.runtime, request.channel, [...wanted.keys()]);
  if (!stock.ok) return stock;
  const locations = await locationsOf(deps.runtime);
  if (!locations.ok) return locations;
  const customerTimezone = customerTimezoneFor(request.destination, locations.value);
  const reply = (options: QuoteOptionView[], reason: string | null): Reply => ({
    quotedAt: new Date(nowMs).toISOString(),
    timezone: customerTimezone,
    options,
    reason,
  });

  const codes = locations.value.map((location) => location.code);
  const [calendarRows, services, confidence] = await Promise.all([
    loadCalendars(deps.runtime.dataSource, codes),
    loadCarrierServices(deps.runtime.dataSource),
    confidenceFor(deps.runtime.dataSource, codes),
  ]);
  const calendars = new Map(calendarRows.map((row) => [row.location, row]));
  const lines = [...wanted].map(([sku, qty]) => ({ sku, qty }));
  const fits = await lockerFits(
    deps.runtime.requester,
    request.destination,
    locations.value,
    calendars,
    lines,
  );
  const built = buildOptions({
    nowMs,
    destination: request.destination,
    customerTimezone,
    wanted,
    stock: stock.value,
    locations: locations.value,
    calendars,
    services,
    policy: deps.policy,
    lockerFits: new Map([...(fits ?? [])].map(([code, fit]) => [code, fit.fits])),
  });
  const reason = built.candidates.length === 0 ? built.reason : fits ? null : LOCKERS_UNCHECKED;
  if (built.candidates.length === 0) return ok(reply([], reason));

  const quotedAt = new Date(nowMs);
  const rows: PromiseRow[] = built.candidates.map((candidate) => {
    const id = newPromiseId();
    // Valid for a short while, and never past the cut-off that made its window.
    const expiresMs = Math.min(
      nowMs + promise.PROMISE_LIMITS.promise_ttl_s * 1000,
      candidate.cutoffMs,
    );
    const key = confidenceKey(
      candidate.carrier ?? PICKUP_CARRIER,
      candidate.level ?? PICKUP_LEVEL,
      candidate.location.code,
    );
    const view = viewOf(candidate, id, nowMs, customerTimezone, expiresMs, confidence.get(key));
    const transfer = candidate.transfer;
    const source = transfer?.from.code ?? candidate.location.code;
    const compartment =
      candidate.pickupKind === 'locker'
        ? fits?.get(candidate.location.code)?.compartmentSize
        : undefined;
    return {
      id,
      channel: request.channel,
      method: candidate.method,
      carrier: candidate.carrier,
      service_level: candidate.level,
      locations: view.locations,
      lines,
      allocations: [allocationOf(candidate, lines)],
      window_from: new Date(candidate.fromMs),
      window_to: new Date(candidate.toMs),
      cutoff_at: new Date(candidate.cutoffMs),
      cutoff_local: candidate.cutoffLocal,
      quoted_at: quotedAt,
      expires_at: new Date(expiresMs),
      view,
      inputs: {
        nowMs,
        destination: request.destination,
        customerTimezone,
        distanceKm: Math.round(candidate.distanceKm * 10) / 10,
        stockSeen: { [source]: stock.value[source] ?? {} },
        calendarVersion: candidate.calendarVersion,
        carrierVersion: candidate.carrierVersion,
        calendarVersions: {
          [candidate.location.code]: candidate.calendarVersion,
          ...(transfer ? { [transfer.from.code]: transfer.calendarVersion } : {}),
        },
        ...(transfer
          ? {
              transfer: {
                from: transfer.from.code,
                distanceKm: Math.round(transfer.distanceKm * 10) / 10,
                carrier: transfer.carrier,
                serviceLevel: transfer.level,
                carrierVersion: transfer.carrierVersion,
                arrivalAt: new Date(transfer.arrivalMs).toISOString(),
              },
            }
          : {}),
        ...(compartment ? { compartmentSize: compartment } : {}),
      },
    };
  });
  await insertPromises(deps.runtime.dataSource, rows);
  return ok(
    reply(
      rows.map((row) => row.view),
      reason,
    ),
  );
}
