import { ok, type ledger, type RequestOf, type Result } from '@omnistock/contracts';
import { runCommand } from '@omnistock/service-kit';
import type { DataSource } from 'typeorm';

type Request = RequestOf<typeof ledger.upsertLocations>;

/** Reference data is state, not a movement: upserting the same body twice leaves the same rows. */
export function upsertLocations(
  dataSource: DataSource,
  request: Request,
): Promise<Result<Request>> {
  return runCommand(dataSource, async (manager) => {
    const rows = request.locations;
    await manager.query(
      `INSERT INTO locations (code, name, kind, lat, lon, timezone, capabilities, daily_capacity)
       SELECT code, name, kind, lat, lon, timezone, ARRAY(SELECT jsonb_array_elements_text(capabilities)), daily_capacity
       FROM jsonb_to_recordset($1::jsonb) AS l (code text, name text, kind text, lat float8, lon float8, timezone text,
         capabilities jsonb, daily_capacity int)
       ON CONFLICT (code) DO UPDATE SET name = excluded.name, kind = excluded.kind, lat = excluded.lat, lon = excluded.lon,
         timezone = excluded.timezone, capabilities = excluded.capabilities, daily_capacity = excluded.daily_capacity,
         updated_at = clock_timestamp()`,
      [JSON.stringify(rows.map((row) => ({ ...row, daily_capacity: row.dailyCapacity ?? null })))],
    );
    return ok(request);
  });
}
