import type { DataSource } from 'typeorm';
import { PLACEMENT_ATTEMPTS_MAX } from './place-lines.js';

/**
 * Reserves a block of placement numbers for one command on an order, in its own
 * transaction so a rolled-back command never hands its numbers out again. Hold ids carry
 * the number, and the ledger answers a reused hold id with its first reply even after that
 * hold was released: a retry after a failure must never reuse an id.
 */
/** One command uses at most: a cart-hold decision, then every placement attempt. */
export const PLACEMENT_BLOCK = PLACEMENT_ATTEMPTS_MAX + 1;

export async function reservePlacementNumbers(
  dataSource: DataSource,
  orderId: string,
): Promise<number> {
  const [row] = await dataSource.query(
    `INSERT INTO placement_counters (order_id, used) VALUES ($1, $2)
     ON CONFLICT (order_id) DO UPDATE SET used = placement_counters.used + $2
     RETURNING used - $2 + 1 AS first`,
    [orderId, PLACEMENT_BLOCK],
  );
  return Number(row.first);
}
