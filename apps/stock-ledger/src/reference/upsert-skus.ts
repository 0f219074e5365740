import { ok, type ledger, type RequestOf, type Result } from '@omnistock/contracts';
import { runCommand } from '@omnistock/service-kit';
import type { DataSource } from 'typeorm';

type Request = RequestOf<typeof ledger.upsertSkus>;

export function upsertSkus(dataSource: DataSource, request: Request): Promise<Result<Request>> {
  return runCommand(dataSource, async (manager) => {
    await manager.query(
      `INSERT INTO skus (sku, name) SELECT * FROM unnest($1::text[], $2::text[])
       ON CONFLICT (sku) DO UPDATE SET name = COALESCE(excluded.name, skus.name), updated_at = clock_timestamp()`,
      [request.skus.map((s) => s.sku), request.skus.map((s) => s.name ?? null)],
    );
    return ok(request);
  });
}
