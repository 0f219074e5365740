import {
  fail,
  ok,
  type promise,
  type RequestOf,
  type ReplyOf,
  type Result,
} from '@omnistock/contracts';
import { runCommand } from '@omnistock/service-kit';
import type { DataSource } from 'typeorm';
import { minutesOfDay } from '../time/zoned-time.js';
import { upsertVersioned } from './config-store.js';

type Request = RequestOf<typeof promise.configureCarriers>;
type Reply = ReplyOf<typeof promise.configureCarriers>;

/** What the schema cannot say: one entry per carrier and level, windows that end after they start. */
function problemsOf(request: Request): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const carrier of request.carriers) {
    for (const service of carrier.services) {
      const key = `${carrier.code}:${service.level}`;
      if (seen.has(key)) problems.push(`${key} appears twice`);
      seen.add(key);
      if (minutesOfDay(service.deliveryHours.from) >= minutesOfDay(service.deliveryHours.to))
        problems.push(`${key}: deliveryHours.from must be before deliveryHours.to`);
      const distances = service.transitDays.map((band) => band.upToKm);
      if (new Set(distances).size !== distances.length)
        problems.push(`${key}: two distance bands end at the same distance`);
    }
  }
  return problems;
}

/**
 * Configuration is state, not a command: the same body twice leaves the same rows and the
 * same versions; a changed service gets a new version, so a promise quoted on the old one
 * can tell.
 */
export async function configureCarriers(
  dataSource: DataSource,
  request: Request,
): Promise<Result<Reply>> {
  const problems = problemsOf(request);
  if (problems.length > 0)
    return fail('VALIDATION_FAILED', 'carrier configuration is inconsistent', { problems });
  const rows = request.carriers.flatMap((carrier) =>
    carrier.services.map((service) => ({
      carrier: carrier.code,
      level: service.level,
      config: {
        name: carrier.name ?? carrier.code,
        ...service,
        transitDays: [...service.transitDays].sort((a, b) => a.upToKm - b.upToKm),
        nonMovingWeekdays: service.nonMovingWeekdays ?? [],
        nonMovingDates: service.nonMovingDates ?? [],
        collectionTimes: service.collectionTimes ?? [],
      },
    })),
  );
  return runCommand(dataSource, async (manager) =>
    ok({ services: await upsertVersioned(manager, 'carrier_services', rows) }),
  );
}
