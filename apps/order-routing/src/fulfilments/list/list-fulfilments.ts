import { ok, type RequestOf, type Result, type routing } from '@omnistock/contracts';
import type { ServiceRuntime } from '@omnistock/service-kit';
import { fulfilmentView, type FulfilmentRow } from '../../orders/order-store.js';

const FULFILMENTS_LISTED_DEFAULT = 100;

/** A location's queue, oldest first: what a store or warehouse works through. */
export async function listFulfilments(
  runtime: ServiceRuntime,
  request: RequestOf<typeof routing.listFulfilments>,
): Promise<Result<{ fulfilments: routing.FulfilmentViewType[] }>> {
  const rows: (FulfilmentRow & { method: routing.OrderMethod })[] = await runtime.dataSource.query(
    `SELECT f.*, o.method FROM fulfilments f JOIN orders o ON o.id = f.order_id
       WHERE ($1::text IS NULL OR f.location = $1) AND ($2::text IS NULL OR f.status = $2)
       ORDER BY f.created_at, f.id LIMIT $3`,
    [request.location ?? null, request.status ?? null, request.limit ?? FULFILMENTS_LISTED_DEFAULT],
  );
  return ok({ fulfilments: rows.map((row) => fulfilmentView(row, row.method)) });
}
