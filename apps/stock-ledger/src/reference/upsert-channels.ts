import { fail, ok, type ledger, type RequestOf, type Result } from '@omnistock/contracts';
import { runCommand } from '@omnistock/service-kit';
import type { DataSource } from 'typeorm';

type Request = RequestOf<typeof ledger.upsertChannels>;

/** A channel may only name known locations; a typo would silently stop it selling anywhere. */
export function upsertChannels(dataSource: DataSource, request: Request): Promise<Result<Request>> {
  return runCommand(dataSource, async (manager) => {
    const named = [...new Set(request.channels.flatMap((channel) => channel.locations ?? []))];
    const [{ unknown }] = await manager.query(
      'SELECT ARRAY(SELECT l FROM unnest($1::text[]) l WHERE NOT EXISTS (SELECT 1 FROM locations WHERE code = l)) AS unknown',
      [named],
    );
    if (unknown.length > 0)
      return fail('UNKNOWN_LOCATION', `unknown location: ${unknown.join(', ')}`, {
        locations: unknown,
      });
    await manager.query(
      `INSERT INTO channels (code, locations, safety_stock, cap_percent)
       SELECT code, CASE WHEN locations IS NULL THEN NULL ELSE ARRAY(SELECT jsonb_array_elements_text(locations)) END,
              COALESCE(safety_stock, 0), COALESCE(cap_percent, 100)
       FROM jsonb_to_recordset($1::jsonb) AS c (code text, locations jsonb, safety_stock int, cap_percent int)
       ON CONFLICT (code) DO UPDATE SET locations = excluded.locations, safety_stock = excluded.safety_stock,
         cap_percent = excluded.cap_percent, updated_at = clock_timestamp()`,
      [
        JSON.stringify(
          request.channels.map((c) => ({
            code: c.code,
            locations: c.locations ?? null,
            safety_stock: c.safetyStock ?? null,
            cap_percent: c.capPercent ?? null,
          })),
        ),
      ],
    );
    return ok(request);
  });
}
