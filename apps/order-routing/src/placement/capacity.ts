import type { EntityManager } from 'typeorm';

/**
 * Claims one of today's fulfilment slots at a location, or answers false when it is full.
 * The upsert's row lock makes concurrent orders queue per location, so capacity holds
 * under any concurrency. The day is the database's (UTC), not the location's timezone.
 */
export async function claimCapacity(
  manager: EntityManager,
  location: string,
  dailyCapacity: number,
): Promise<boolean> {
  const rows = await manager.query(
    `INSERT INTO location_load (location, day, fulfilments) VALUES ($1, current_date, 1)
     ON CONFLICT (location, day) DO UPDATE SET fulfilments = location_load.fulfilments + 1
       WHERE location_load.fulfilments < $2
     RETURNING fulfilments`,
    [location, dailyCapacity],
  );
  return rows.length > 0 && rows[0].fulfilments <= dailyCapacity;
}

export async function giveBackCapacity(manager: EntityManager, location: string): Promise<void> {
  await manager.query(
    `UPDATE location_load SET fulfilments = fulfilments - 1
     WHERE location = $1 AND day = current_date AND fulfilments > 0`,
    [location],
  );
}

export async function loadToday(manager: EntityManager): Promise<Map<string, number>> {
  const rows: { location: string; fulfilments: number }[] = await manager.query(
    'SELECT location, fulfilments FROM location_load WHERE day = current_date',
  );
  return new Map(rows.map((row) => [row.location, row.fulfilments]));
}
