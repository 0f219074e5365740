import { ok, type ledger, type RequestOf, type Result } from '@omnistock/contracts';
import { runIdempotentCommand } from '@omnistock/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import { settleHolds } from '../holds/give-back.js';
import { loadLines } from '../holds/hold-store.js';
import { positionKey } from '../positions/position-state.js';
import { checkKnown, lockPositions } from '../positions/position-store.js';
import { postMovement, type MovementReply } from './post-movement.js';

type CountReply = MovementReply & { uncoveredHolds: { id: string; sku: string; qty: number }[] };

/**
 * A count is the shelf's truth: it posts the difference, never overwrites. When fewer units
 * are counted than are held, the holds that can no longer be covered are released — cart
 * holds before order holds, newest first — and named in the reply so routing can act.
 */
export function countStock(
  dataSource: DataSource,
  request: RequestOf<typeof ledger.countStock>,
): Promise<Result<CountReply>> {
  const commandId = `count:${request.id}`;
  return runIdempotentCommand(dataSource, commandId, request, async (manager) => {
    const refs = request.lines.map((line) => ({ sku: line.sku, location: request.location }));
    const known = await checkKnown(manager, refs);
    if (!known.ok) return known;
    const positions = await lockPositions(manager, refs);
    const uncovered: CountReply['uncoveredHolds'] = [];
    const releasing = new Set<string>();
    for (const line of request.lines) {
      const position = positions.get(positionKey(line.sku, request.location))!;
      let shortfall = position.reserved - line.counted;
      if (shortfall <= 0) continue;
      for (const hold of await holdsAt(manager, line.sku, request.location)) {
        if (shortfall <= 0) break;
        if (releasing.has(hold.id)) continue;
        releasing.add(hold.id);
        uncovered.push({ id: hold.id, sku: line.sku, qty: hold.qty });
        shortfall -= hold.qty;
      }
    }
    if (releasing.size > 0) {
      const released = await releaseUncovered(manager, [...releasing], request.actor);
      if (!released.ok) return released;
    }
    const counted = new Map(positions);
    const posted = await postMovement(
      manager,
      request.id,
      'count',
      request.lines.map((line) => ({
        sku: line.sku,
        location: request.location,
        kind: 'count' as const,
        delta: {
          onHand: line.counted - counted.get(positionKey(line.sku, request.location))!.onHand,
        },
        commandId,
        actor: request.actor,
        reason: `counted ${line.counted}`,
      })),
    );
    if (!posted.ok) return posted;
    return ok({ ...posted.value, uncoveredHolds: uncovered });
  });
}

async function holdsAt(manager: EntityManager, sku: string, location: string) {
  const rows: { id: string; qty: number }[] = await manager.query(
    `SELECT h.id, l.qty FROM hold_lines l JOIN holds h ON h.id = l.hold_id
     WHERE l.sku = $1 AND l.location = $2 AND h.status IN ('held', 'committed')
     ORDER BY (h.status = 'committed'), h.created_at DESC, h.id`,
    [sku, location],
  );
  return rows;
}

async function releaseUncovered(manager: EntityManager, ids: string[], actor?: string) {
  const rows: {
    id: string;
    channel: string;
    status: ledger.HoldStatus;
    expires_at: Date | null;
    reference: string | null;
  }[] = await manager.query(
    'SELECT id, channel, status, expires_at, reference FROM holds WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE',
    [ids],
  );
  const lines = await loadLines(manager, ids);
  const holds = rows.map((row) => ({
    id: row.id,
    channel: row.channel,
    status: row.status,
    expiresAt: row.expires_at,
    reference: row.reference,
    lines: lines.get(row.id) ?? [],
  }));
  return settleHolds(manager, holds, 'released', { actor, reason: 'count shortfall' });
}
