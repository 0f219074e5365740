import { ok, type ledger, type RequestOf, type Result } from '@omnistock/contracts';
import { runCommand } from '@omnistock/service-kit';
import type { DataSource } from 'typeorm';
import { checkStatusIn, HOLD_EXTENDABLE } from './hold-lifecycle.js';
import { holdView } from './hold-store.js';
import { lockOwnHold } from './transition-hold.js';

/** Sets (not adds) the expiry to now + ttlSeconds, so a retried extend lands where the first did. */
export function extend(
  dataSource: DataSource,
  request: RequestOf<typeof ledger.extend>,
): Promise<Result<ledger.HoldViewType>> {
  return runCommand(dataSource, async (manager) => {
    const hold = await lockOwnHold(manager, request.id, request.principal);
    if (!hold.ok) return hold;
    const allowed = checkStatusIn(request.id, hold.value.status, HOLD_EXTENDABLE, 'extended');
    if (!allowed.ok) return allowed;
    // TypeORM answers an UPDATE … RETURNING with [rows, affectedCount].
    const [[row]] = await manager.query(
      `UPDATE holds SET expires_at = clock_timestamp() + make_interval(secs => $2),
         updated_at = clock_timestamp(), seq = seq + 1
       WHERE id = $1 RETURNING expires_at, seq`,
      [request.id, request.ttlSeconds],
    );
    return ok(holdView({ ...hold.value, expiresAt: row.expires_at, seq: row.seq }));
  });
}
