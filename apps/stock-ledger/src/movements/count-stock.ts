import { fail, ok, type ledger, type RequestOf, type Result } from '@omnistock/contracts';
import { appendToOutbox } from '@omnistock/messaging';
import { runIdempotentCommand } from '@omnistock/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import { settleHolds } from '../holds/give-back.js';
import { holdLostEvent } from '../holds/hold-events.js';
import { lockHolds } from '../holds/hold-store.js';
import { positionKey } from '../positions/position-state.js';
import { checkKnown, lockPositions } from '../positions/position-store.js';
import { postMovement, type MovementReply } from './post-movement.js';
import { holdsToRelease } from './uncovered-holds.js';

type CountRequest = RequestOf<typeof ledger.countStock>;
type CountReply = MovementReply & {
  uncoveredHolds: { id: string; sku: string; qty: number; orderId: string | null }[];
};

/** A SKU counted on two lines has no one truth to post: the count is refused, not summed. */
function checkOneLinePerSku(request: CountRequest): Result<void> {
  const seen = new Set<string>();
  const problems: { path: string; message: string }[] = [];
  request.lines.forEach((line, index) => {
    if (seen.has(line.sku))
      problems.push({ path: `/lines/${index}/sku`, message: `${line.sku} is counted twice` });
    seen.add(line.sku);
  });
  return problems.length === 0
    ? ok(undefined)
    : fail('VALIDATION_FAILED', 'each SKU may appear once in a count', { problems });
}

/**
 * A count is the shelf's truth: it posts the difference, never overwrites. When fewer units
 * are counted than are held, the fewest holds that cover the shortfall are released — cart
 * holds before order holds — and named in the reply. An order's hold released so is
 * announced as lost, and routing re-routes the fulfilment behind it.
 */
export function countStock(
  dataSource: DataSource,
  request: CountRequest,
): Promise<Result<CountReply>> {
  const commandId = `count:${request.id}`;
  const shape = checkOneLinePerSku(request);
  if (!shape.ok) return Promise.resolve(shape);
  return runIdempotentCommand(dataSource, commandId, request, async (manager) => {
    const refs = request.lines.map((line) => ({ sku: line.sku, location: request.location }));
    const known = await checkKnown(manager, refs);
    if (!known.ok) return known;
    const positions = await lockPositions(manager, refs);
    const uncovered: CountReply['uncoveredHolds'] = [];
    const releasing = new Set<string>();
    for (const line of request.lines) {
      const position = positions.get(positionKey(line.sku, request.location))!;
      const open = (await holdsAt(manager, line.sku, request.location)).filter(
        (hold) => !releasing.has(hold.id),
      );
      const stillReserved = open.reduce((sum, hold) => sum + hold.qty, 0);
      // Holds released for an earlier line may have had units here too.
      const shortfall = Math.min(position.reserved, stillReserved) - line.counted;
      if (shortfall <= 0) continue;
      const chosen = new Set(holdsToRelease(open, shortfall));
      for (const hold of open.filter((h) => chosen.has(h.id))) {
        releasing.add(hold.id);
        uncovered.push({ id: hold.id, sku: line.sku, qty: hold.qty, orderId: hold.orderId });
      }
    }
    if (releasing.size > 0) {
      const released = await releaseUncovered(manager, [...releasing], request);
      if (!released.ok) return released;
    }
    const posted = await postMovement(
      manager,
      request.id,
      'count',
      request.lines.map((line) => ({
        sku: line.sku,
        location: request.location,
        kind: 'count' as const,
        delta: {
          onHand: line.counted - positions.get(positionKey(line.sku, request.location))!.onHand,
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
  const rows: { id: string; qty: number; order_id: string | null }[] = await manager.query(
    `SELECT h.id, l.qty, h.order_id FROM hold_lines l JOIN holds h ON h.id = l.hold_id
     WHERE l.sku = $1 AND l.location = $2 AND h.status IN ('held', 'committed')
     ORDER BY h.created_at DESC, h.id`,
    [sku, location],
  );
  return rows.map((row) => ({
    id: row.id,
    qty: row.qty,
    orderId: row.order_id,
    forOrder: row.order_id !== null,
  }));
}

async function releaseUncovered(manager: EntityManager, ids: string[], request: CountRequest) {
  const holds = await lockHolds(manager, ids);
  const released = await settleHolds(manager, holds, 'released', {
    actor: request.actor,
    reason: 'count shortfall',
  });
  if (!released.ok) return released;
  await appendToOutbox(
    manager,
    released.value
      .filter((view) => view.orderId !== null)
      .map((view) => holdLostEvent(view, request.id)),
  );
  return released;
}
