import { ok, type ledger, type RequestOf, type ReplyOf, type Result } from '@omnistock/contracts';
import type { DataSource } from 'typeorm';

export async function listLocations(
  dataSource: DataSource,
  request: RequestOf<typeof ledger.listLocations>,
): Promise<Result<ReplyOf<typeof ledger.listLocations>>> {
  const rows = await dataSource.query(
    `SELECT code, name, kind, lat, lon, timezone, capabilities, daily_capacity FROM locations
     WHERE $1::text[] IS NULL OR code = ANY($1::text[]) ORDER BY code LIMIT 1000`,
    [request.codes ?? null],
  );
  return ok({
    locations: rows.map((row: Record<string, unknown>) => ({
      code: row.code,
      name: row.name,
      kind: row.kind,
      lat: row.lat,
      lon: row.lon,
      timezone: row.timezone,
      capabilities: row.capabilities,
      ...(row.daily_capacity === null ? {} : { dailyCapacity: row.daily_capacity }),
    })),
  });
}
