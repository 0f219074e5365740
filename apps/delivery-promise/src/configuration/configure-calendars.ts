import {
  fail,
  ok,
  type promise,
  type RequestOf,
  type ReplyOf,
  type Result,
} from '@omnistock/contracts';
import { runCommand, type ServiceRuntime } from '@omnistock/service-kit';
import { locationsOf } from '../ledger-client.js';
import { minutesOfDay } from '../time/zoned-time.js';
import { upsertVersioned } from './config-store.js';

type Request = RequestOf<typeof promise.configureCalendars>;
type Reply = ReplyOf<typeof promise.configureCalendars>;

function problemsOf(request: Request): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const calendar of request.calendars) {
    if (seen.has(calendar.location)) problems.push(`${calendar.location} appears twice`);
    seen.add(calendar.location);
    for (const hours of calendar.openingHours) {
      if (minutesOfDay(hours.open) >= minutesOfDay(hours.close))
        problems.push(`${calendar.location}: weekday ${hours.weekday} opens after it closes`);
    }
  }
  return problems;
}

/**
 * A calendar belongs to a location the ledger knows (its zone comes from there, once);
 * unchanged calendars keep their version, changed ones get the next.
 */
export async function configureCalendars(
  runtime: ServiceRuntime,
  request: Request,
): Promise<Result<Reply>> {
  const problems = problemsOf(request);
  if (problems.length > 0)
    return fail('VALIDATION_FAILED', 'calendar configuration is inconsistent', { problems });
  const codes = request.calendars.map((calendar) => calendar.location);
  const known = await locationsOf(runtime, codes);
  if (!known.ok) return known;
  const knownCodes = new Set(known.value.map((location) => location.code));
  const unknown = codes.filter((code) => !knownCodes.has(code));
  if (unknown.length > 0)
    return fail('UNKNOWN_LOCATION', `unknown location: ${unknown.join(', ')}`, {
      locations: unknown,
    });
  const rows = request.calendars.map((calendar) => ({
    location: calendar.location,
    config: {
      ...calendar,
      holidays: calendar.holidays ?? [],
      pickupLeadMinutes: calendar.pickupLeadMinutes ?? 0,
    },
  }));
  return runCommand(runtime.dataSource, async (manager) =>
    ok({ calendars: await upsertVersioned(manager, 'location_calendars', rows) }),
  );
}
