import { fail, ledger, ok, type Result, type routing } from '@omnistock/contracts';
import { appendToOutbox } from '@omnistock/messaging';
import { callService, type ServiceRuntime } from '@omnistock/service-kit';
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
import { arriveAtStore, sendToStore } from './ship-to-store.js';

const HOLD_CONTRACTS = {
  release: ledger.release,
  fulfil: ledger.fulfil,
} as const;

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
 * Applies one row of the lifecycle table inside the caller's transaction: check, act on the
 * hold in the ledger (idempotent by hold id, so a retried command is harmless), write the
 * status and its event. Answers `replay` when the fulfilment already is in that status.
 */
export async function applyTransition(
  runtime: ServiceRuntime,
  manager: EntityManager,
  locked: Locked,
  to: routing.FulfilmentStatus,
  details: { tracking?: string; reason?: string; actor?: string },
): Promise<Result<{ view: routing.FulfilmentViewType; replay: boolean }>> {
  const { order, fulfilment } = locked;
  const check = checkFulfilmentTransition(
    fulfilment.id,
    modeOf(order, fulfilment),
    fulfilment.status,
    to,
  );
  if (!check.ok) return check;
  if (check.value.kind === 'replay')
    return ok({ view: fulfilmentView(fulfilment, order.method), replay: true });
  const leg = fulfilment.ship_to !== null && (to === 'shipped' || to === 'delivered');
  const effect = leg ? undefined : HOLD_EFFECT[to];
  if (leg && to === 'shipped') {
    const sent = await sendToStore(runtime, fulfilment, details.actor);
    if (!sent.ok) return sent;
  }
  if (effect) {
    const ref = { id: fulfilment.hold_id, ...(details.actor ? { actor: details.actor } : {}) };
    const hold =
      effect === 'commit'
        ? await callService(runtime, ledger.commit, { ...ref, reference: `order ${order.id}` })
        : await callService(runtime, HOLD_CONTRACTS[effect], ref);
    if (!hold.ok) return hold;
  }
  const [updated]: FulfilmentRow[][] = await manager.query(
    `UPDATE fulfilments SET status = $2, tracking = COALESCE($3, tracking), reason = COALESCE($4, reason),
       updated_at = clock_timestamp()
     WHERE id = $1 RETURNING *`,
    [fulfilment.id, to, details.tracking ?? null, details.reason ?? null],
  );
  const row = updated![0]!;
  if (leg && to === 'delivered') {
    const arrived = await arriveAtStore(runtime, manager, order, row, details.actor);
    if (!arrived.ok) return arrived;
  }
  await appendToOutbox(manager, [
    fulfilmentEvent(
      { id: order.id, channel: order.channel, method: order.method, promiseId: order.promise_id },
      row,
    ),
  ]);
  return ok({ view: fulfilmentView(row, order.method), replay: false });
}
