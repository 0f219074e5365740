import { randomBytes } from 'node:crypto';
import { fail, ok, promise, type RequestOf, type ReplyOf, type Result } from '@omnistock/contracts';
import type { NatsRequester } from '@omnistock/messaging';
import type { DataSource } from 'typeorm';
import { loadCalendars, loadCarrierServices } from '../configuration/config-store.js';
import { locationsOf, stockFor } from '../ledger-client.js';
import { parseInstant } from '../time/parse-instant.js';
import { formatLocalDate, isValidTimeZone, localDateOf } from '../time/zoned-time.js';
import { cutoffText, dayText, wallTimeText } from '../windows/describe.js';
import type { WindowPolicy } from '../windows/window-policy.js';
import { buildOptions, customerTimezoneFor, type Candidate } from './build-options.js';
import {
  confidenceFor,
  confidenceKey,
  PICKUP_CARRIER,
  PICKUP_LEVEL,
  type Confidence,
} from './confidence.js';
import { insertPromises, type PromiseRow, type QuoteOptionView } from './promise-store.js';

type Request = RequestOf<typeof promise.quote>;
type Reply = ReplyOf<typeof promise.quote>;

export interface QuoteDeps {
  dataSource: DataSource;
  requester: NatsRequester;
  policy: WindowPolicy;
  nowMs: number;
}

const newPromiseId = () => `pr_${randomBytes(12).toString('base64url')}`;

function wantedOf(lines: Request['lines']): Map<string, number> {
  const wanted = new Map<string, number>();
  for (const line of lines) wanted.set(line.sku, (wanted.get(line.sku) ?? 0) + line.qty);
  return wanted;
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
    option:
      candidate.method === 'pickup'
        ? `pickup:${candidate.location.code}`
        : `ship:${candidate.carrier}:${candidate.level}`,
    method: candidate.method,
    carrier: candidate.carrier,
    serviceLevel: candidate.level,
    locations: [candidate.location.code],
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
      candidate.method === 'pickup'
        ? `ready ${day} from ${localFrom}`
        : `arrives ${day}, ${localFrom}–${localTo}`,
    price: candidate.price,
    confidence: confidence?.confidence ?? null,
    confidenceBasedOn: confidence?.basedOn ?? 0,
    expiresAt: new Date(expiresMs).toISOString(),
  };
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
  const stock = await stockFor(deps.requester, request.channel, [...wanted.keys()]);
  if (!stock.ok) return stock;
  const locations = await locationsOf(deps.requester);
  if (!locations.ok) return locations;
  const customerTimezone = customerTimezoneFor(request.destination, locations.value);
  const reply = (options: QuoteOptionView[], reason: string | null): Reply => ({
    quotedAt: new Date(nowMs).toISOString(),
    timezone: customerTimezone,
    options,
    reason,
  });

  const codes = locations.value.map((location) => location.code);
  const [calendars, services, confidence] = await Promise.all([
    loadCalendars(deps.dataSource, codes),
    loadCarrierServices(deps.dataSource),
    confidenceFor(deps.dataSource, codes),
  ]);
  const built = buildOptions({
    nowMs,
    destination: request.destination,
    customerTimezone,
    wanted,
    stock: stock.value,
    locations: locations.value,
    calendars: new Map(calendars.map((row) => [row.location, row])),
    services,
    policy: deps.policy,
  });
  if (built.candidates.length === 0) return ok(reply([], built.reason));

  const lines = [...wanted].map(([sku, qty]) => ({ sku, qty }));
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
    return {
      id,
      channel: request.channel,
      method: candidate.method,
      carrier: candidate.carrier,
      service_level: candidate.level,
      locations: view.locations,
      lines,
      allocations: [{ location: candidate.location.code, lines }],
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
        stockSeen: { [candidate.location.code]: stock.value[candidate.location.code] ?? {} },
        calendarVersion: candidate.calendarVersion,
        carrierVersion: candidate.carrierVersion,
      },
    };
  });
  await insertPromises(deps.dataSource, rows);
  return ok(
    reply(
      rows.map((row) => row.view),
      null,
    ),
  );
}
