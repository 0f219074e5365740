import {
  fail,
  ok,
  type ReplyOf,
  type RequestOf,
  type Result,
  type routing,
} from '@omnistock/contracts';
import type { ServiceRuntime } from '@omnistock/service-kit';

const TASKS_LISTED_DEFAULT = 100;

export async function listCycleCounts(
  runtime: ServiceRuntime,
  request: RequestOf<typeof routing.listCycleCounts>,
): Promise<Result<ReplyOf<typeof routing.listCycleCounts>>> {
  const rows: {
    id: string;
    location: string;
    sku: string;
    qty_not_found: number;
    fulfilment_id: string;
    reason: string;
    created_at: Date;
  }[] = await runtime.dataSource.query(
    `SELECT * FROM cycle_count_tasks WHERE status = 'open' AND ($1::text IS NULL OR location = $1)
     ORDER BY id LIMIT $2`,
    [request.location ?? null, request.limit ?? TASKS_LISTED_DEFAULT],
  );
  return ok({
    tasks: rows.map((row) => ({
      id: String(row.id),
      location: row.location,
      sku: row.sku,
      qtyNotFound: row.qty_not_found,
      fulfilmentId: row.fulfilment_id,
      reason: row.reason,
      status: 'open' as const,
      createdAt: new Date(row.created_at).toISOString(),
    })),
  });
}

export async function closeCycleCount(
  runtime: ServiceRuntime,
  request: RequestOf<typeof routing.closeCycleCount>,
): Promise<Result<ReplyOf<typeof routing.closeCycleCount>>> {
  const [rows] = await runtime.dataSource.query(
    `UPDATE cycle_count_tasks SET status = 'counted' WHERE id = $1 RETURNING id`,
    [request.id],
  );
  if ((rows as unknown[]).length === 0)
    return fail('NOT_FOUND', `no cycle-count task ${request.id}`, { id: request.id });
  return ok({ id: request.id, status: 'counted' });
}
