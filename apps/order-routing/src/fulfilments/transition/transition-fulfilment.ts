import { fail, ok, type Result, type routing } from '@omnistock/contracts';
import { appendToOutbox } from '@omnistock/messaging';
import type { EntityManager } from 'typeorm';
import { fulfilmentEvent } from '../../events/routing-events.js';
import {
  fulfilmentView,
  loadFulfilment,
  loadOrder,
  type FulfilmentRow,
  type OrderRow,
} from '../../orders/order-store.js';
import { checkFulfilmentTransition, HOLD_EFFECT } from '../fulfilment-lifecycle.js';

/** A ship-to-store leg ships (to the store) whatever the order's method. */
export function modeOf(order: OrderRow, fulfilment: FulfilmentRow): routing.OrderMethod {
  return fulfilment.ship_to !== null ? 'ship' : order.method;
}

export interface Locked {
  order: OrderRow;
  fulfilment: FulfilmentRow;
}

/** Locks the order, then the fulfilment: the same order as cancel, so the two never deadlock. */
export async function lockFulfilment(manager: EntityManager, id: string): Promise<Result<Locked>> {
  const peek = await loadFulfilment(manager, id);
  if (!peek) return fail('NOT_FOUND', `no fulfilment ${id}`, { id });
  const order = (await loadOrder(manager, peek.order_id, true))!;
  const fulfilment = (await loadFulfilment(manager, id, true))!;
  return ok({ order, fulfilment });
}

/**
 * What reaching a status asks of the ledger, done after the status is recorded: the hold
 * committed, posted or released, or, for a leg to a pickup store, sent on as a transfer
 * and received there into a hold for the order.
 */
export type LedgerEffect = 'commit' | 'fulfil' | 'release' | 'send_to_store' | 'arrive_at_store';

export function effectOf(
  fulfilment: FulfilmentRow,
  to: routing.FulfilmentStatus,
): LedgerEffect | undefined {
  if (fulfilment.ship_to !== null && to === 'shipped') return 'send_to_store';
  if (fulfilment.ship_to !== null && to === 'delivered') return 'arrive_at_store';
  return HOLD_EFFECT[to];
}

/**
 * Applies one row of the lifecycle table inside the caller's transaction: check it, write
 * the status and its event. Nothing here calls another service; the ledger's part
 * (`effectOf`) follows as a step of the caller's saga. Answers `replay` when the
 * fulfilment already is in that status.
 */
export async function applyTransition(
  manager: EntityManager,
  locked: Locked,
  to: routing.FulfilmentStatus,
  details: { tracking?: string; reason?: string; actor?: string },
): Promise<Result<{ view: routing.FulfilmentViewType; replay: boolean; row: FulfilmentRow }>> {
  const { order, fulfilment } = locked;
  const check = checkFulfilmentTransition(
    fulfilment.id,
    modeOf(order, fulfilment),
    fulfilment.status,
    to,
  );
  if (!check.ok) return check;
  if (check.value.kind === 'replay')
    return ok({ view: fulfilmentView(fulfilment, order.method), replay: true, row: fulfilment });
  const [updated]: FulfilmentRow[][] = await manager.query(
    `UPDATE fulfilments SET status = $2, tracking = COALESCE($3, tracking), reason = COALESCE($4, reason),
       updated_at = clock_timestamp()
     WHERE id = $1 RETURNING *`,
    [fulfilment.id, to, details.tracking ?? null, details.reason ?? null],
  );
  const row = updated![0]!;
  await appendToOutbox(manager, [
    fulfilmentEvent(
      { id: order.id, channel: order.channel, method: order.method, promiseId: order.promise_id },
      row,
    ),
  ]);
  return ok({ view: fulfilmentView(row, order.method), replay: false, row });
}
