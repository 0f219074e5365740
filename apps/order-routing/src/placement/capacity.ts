import type { EntityManager } from 'typeorm';

/** A location's "today" is its own calendar day, not the database's: a store's day ends at its midnight. */
const LOCAL_DAY = `(now() AT TIME ZONE $TZ)::date`;
const localDay = (placeholder: string) => LOCAL_DAY.replace('$TZ', placeholder);

/**
 * Claims one of today's fulfilment slots at a location, or answers false when it is full.
 * The upsert's row lock makes concurrent orders queue per location, so capacity holds
 * under any concurrency.
 */
export async function claimCapacity(
  manager: EntityManager,
  location: string,
  dailyCapacity: number,
  timezone = 'UTC',
): Promise<boolean> {
  const rows = await manager.query(
    `INSERT INTO location_load (location, day, fulfilments) VALUES ($1, ${localDay('$3')}, 1)
     ON CONFLICT (location, day) DO UPDATE SET fulfilments = location_load.fulfilments + 1
       WHERE location_load.fulfilments < $2
     RETURNING fulfilments`,
    [location, dailyCapacity, timezone],
  );
  return rows.length > 0 && rows[0].fulfilments <= dailyCapacity;
}

export async function giveBackCapacity(
  manager: EntityManager,
  location: string,
  timezone = 'UTC',
): Promise<void> {
  await manager.query(
    `UPDATE location_load SET fulfilments = fulfilments - 1
     WHERE location = $1 AND day = ${localDay('$2')} AND fulfilments > 0`,
    [location, timezone],
  );
}

/** Each location's load on its own today. */
export async function loadToday(
  manager: EntityManager,
  locations: readonly { code: string; timezone: string }[],
): Promise<Map<string, number>> {
  const rows: { location: string; fulfilments: number }[] = await manager.query(
    `SELECT load.location, load.fulfilments
     FROM location_load AS load
     JOIN unnest($1::text[], $2::text[]) AS zone (location, tz)
       ON load.location = zone.location AND load.day = ${localDay('zone.tz')}`,
    [locations.map((l) => l.code), locations.map((l) => l.timezone)],
  );
  return new Map(rows.map((row) => [row.location, row.fulfilments]));
}
