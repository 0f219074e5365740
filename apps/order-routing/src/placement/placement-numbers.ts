import type { EntityManager } from 'typeorm';

/**
 * The next placement number of an order, taken in the saga step that claims capacity for
 * it, so the number is written together with the saga's progress: a retried step reuses
 * it, a new attempt never does. Hold ids carry the number, and the ledger answers a reused
 * hold id with its first reply even after that hold was released.
 */
export async function nextPlacementNumber(
  manager: EntityManager,
  orderId: string,
): Promise<number> {
  const [row] = await manager.query(
    `INSERT INTO placement_counters (order_id, used) VALUES ($1, 1)
     ON CONFLICT (order_id) DO UPDATE SET used = placement_counters.used + 1
     RETURNING used`,
    [orderId],
  );
  return Number(row.used);
}
