import {
  fail,
  ok,
  type promise,
  type RequestOf,
  type ReplyOf,
  type Result,
} from '@omnistock/contracts';
import type { ServiceRuntime } from '@omnistock/service-kit';
import type { DataSource } from 'typeorm';
import { loadCalendars } from '../configuration/config-store.js';
import { stockFor } from '../ledger-client.js';
import { findPromise, type PromiseRow } from '../quotes/promise-store.js';

type Request = RequestOf<typeof promise.resolvePromise>;
type Reply = ReplyOf<typeof promise.resolvePromise>;

export interface ResolveDeps {
  runtime: ServiceRuntime;
  nowMs: number;
}

/** PROMISE_UNAVAILABLE always carries a machine-readable `reason` in its details. */
const unavailable = (reason: string, message: string, details: Record<string, unknown> = {}) =>
  fail<Reply>('PROMISE_UNAVAILABLE', message, { reason, ...details });

function mismatch(row: PromiseRow, request: Request): Result<Reply> | undefined {
  if (row.channel !== request.channel)
    return unavailable('channel_differs', `the promise was quoted for channel ${row.channel}`);
  if (row.method !== request.method)
    return unavailable('method_differs', `the promise is for ${row.method}, not ${request.method}`);
  // The pickup place is listed first; a transfer's source after it is not a place to collect.
  if (request.pickupLocation !== undefined && row.locations[0] !== request.pickupLocation)
    return unavailable(
      'pickup_location_differs',
      `the promise is for pickup at ${row.locations[0]}`,
    );
  const quoted = new Map(row.lines.map((line) => [line.sku, line.qty]));
  const asked = new Map<string, number>();
  for (const line of request.lines) asked.set(line.sku, (asked.get(line.sku) ?? 0) + line.qty);
  for (const [sku, qty] of asked) {
    if ((quoted.get(sku) ?? 0) < qty)
      return unavailable(
        'lines_differ',
        `the promise covers ${quoted.get(sku) ?? 0} of ${sku}, not ${qty}`,
        {
          sku,
          quoted: quoted.get(sku) ?? 0,
          asked: qty,
        },
      );
  }
  return undefined;
}

async function carrierChanged(
  dataSource: DataSource,
  carrier: string,
  level: string | null,
  version: number | null,
): Promise<boolean> {
  const [service] = await dataSource.query(
    'SELECT version FROM carrier_services WHERE carrier = $1 AND level = $2',
    [carrier, level],
  );
  return service?.version !== version;
}

/**
 * The window was computed from calendars (the pickup place's and a transfer source's) and
 * a carrier service (the parcel's, or the transfer leg's); if any changed since, it may
 * not hold.
 */
async function configurationChanged(dataSource: DataSource, row: PromiseRow): Promise<boolean> {
  const expected = row.inputs.calendarVersions ?? {
    [row.locations[0]!]: row.inputs.calendarVersion,
  };
  const calendars = await loadCalendars(dataSource, Object.keys(expected));
  const versions = new Map(calendars.map((calendar) => [calendar.location, calendar.version]));
  for (const [location, version] of Object.entries(expected))
    if (versions.get(location) !== version) return true;
  const transfer = row.inputs.transfer;
  if (
    transfer &&
    (await carrierChanged(
      dataSource,
      transfer.carrier,
      transfer.serviceLevel,
      transfer.carrierVersion,
    ))
  )
    return true;
  if (row.carrier === null) return false;
  return carrierChanged(dataSource, row.carrier, row.service_level, row.inputs.carrierVersion);
}

/**
 * Before an order is placed on a promise: is it still valid, is the stock still there, and
 * where must it come from. A read, never a reservation: routing holds the stock itself.
 */
export async function resolvePromise(deps: ResolveDeps, request: Request): Promise<Result<Reply>> {
  const row = await findPromise(deps.runtime.dataSource, request.promiseId);
  if (!row) return fail('NOT_FOUND', `no promise ${request.promiseId}`);
  if (deps.nowMs >= row.expires_at.getTime()) {
    return fail('PROMISE_EXPIRED', 'the promise has expired; quote again', {
      expiresAt: row.expires_at.toISOString(),
    });
  }
  const wrong = mismatch(row, request);
  if (wrong) return wrong;
  if (await configurationChanged(deps.runtime.dataSource, row))
    return unavailable(
      'configuration_changed',
      'the calendar or carrier behind this promise has changed',
    );

  const lines = request.lines;
  const skus = [...new Set(lines.map((line) => line.sku))];
  const allocation = row.allocations[0]!;
  const stock = await stockFor(deps.runtime, row.channel, skus, [allocation.location]);
  if (!stock.ok) return stock;
  const here = stock.value[allocation.location] ?? {};
  const needed = new Map<string, number>();
  for (const line of lines) needed.set(line.sku, (needed.get(line.sku) ?? 0) + line.qty);
  for (const [sku, qty] of needed) {
    const available = here[sku] ?? 0;
    if (available < qty) {
      return unavailable('stock_gone', `${sku} is no longer in stock at ${allocation.location}`, {
        location: allocation.location,
        sku,
        needed: qty,
        available,
      });
    }
  }
  // Kept from now on: an order may follow, and its outcome will need the window.
  await deps.runtime.dataSource.query(
    'UPDATE promises SET resolved_at = now() WHERE id = $1 AND resolved_at IS NULL',
    [row.id],
  );
  return ok({
    promiseId: row.id,
    option: row.view.option,
    allocations: [
      {
        location: allocation.location,
        lines: [...needed].map(([sku, qty]) => ({ sku, qty })),
        // A transfer: routing sends the units to the pickup place, as its own pickup path does.
        ...(allocation.shipTo ? { shipTo: allocation.shipTo } : {}),
      },
    ],
    window: { from: row.window_from.toISOString(), to: row.window_to.toISOString() },
    expiresAt: row.expires_at.toISOString(),
  });
}
