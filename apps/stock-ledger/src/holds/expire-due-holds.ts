import { ok, type Result } from '@omnistock/contracts';
import { inTransaction } from '@omnistock/database';
import type { DataSource } from 'typeorm';
import { settleHolds } from './give-back.js';
import { lockHolds } from './hold-store.js';

export const EXPIRY_BATCH_MAX = 200;

/**
 * Expires holds whose time is up, oldest first: cart holds, and holds made for an order
 * whose placement never finished (the backstop that frees what a crashed workflow left).
 * SKIP LOCKED lets replicas sweep side by side and lets a command that holds a hold's lock
 * (a commit racing the expiry) win or lose cleanly: whoever locks the row first decides.
 */
export async function expireDueHolds(dataSource: DataSource): Promise<number> {
  const result: Result<number> = await inTransaction(dataSource, async (manager) => {
    const due: { id: string }[] = await manager.query(
      `SELECT id FROM holds
       WHERE status = 'held' AND expires_at <= clock_timestamp()
       ORDER BY expires_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [EXPIRY_BATCH_MAX],
    );
    if (due.length === 0) return ok(0);
    // Already locked above; this reads them with their lines in one shape.
    const holds = await lockHolds(
      manager,
      due.map((hold) => hold.id),
    );
    const settled = await settleHolds(manager, holds, 'expired', {
      actor: 'expiry',
      reason: 'ttl',
    });
    if (!settled.ok) throw new Error(`expiry could not settle holds: ${settled.error.message}`);
    return ok(due.length);
  });
  return result.ok ? result.value : 0;
}
