import { fail, ok, routing, type RequestOf, type Result } from '@omnistock/contracts';
import { appendToOutbox } from '@omnistock/messaging';
import { runCommand, type ServiceRuntime } from '@omnistock/service-kit';
import { orderEvent } from '../../events/routing-events.js';
import { RELEASABLE } from '../../fulfilments/fulfilment-lifecycle.js';
import { applyTransition } from '../../fulfilments/transition/transition-fulfilment.js';
import { freeCompartment } from '../../lockers/locker-store.js';
import { loadFulfilments, loadOrder, orderView } from '../order-store.js';

/**
 * Cancels what has not left: each fulfilment still releasable is cancelled (its hold
 * released); shipped and collected ones stay as they are, and backordered lines are
 * dropped. A cancelled order answers a repeated cancel with itself.
 */
export function cancelOrder(
  runtime: ServiceRuntime,
  request: RequestOf<typeof routing.cancelOrder>,
): Promise<Result<routing.OrderViewType>> {
  return runCommand(runtime.dataSource, async (manager) => {
    const order = await loadOrder(manager, request.id, true);
    if (!order) return fail('NOT_FOUND', `no order ${request.id}`, { id: request.id });
    if (order.cancelled_at !== null) return ok((await orderView(manager, order.id))!);
    const fulfilments = await loadFulfilments(manager, order.id);
    const releasable = fulfilments.filter((f) => RELEASABLE.includes(f.status));
    if (releasable.length === 0 && order.backordered.length === 0)
      return fail('INVALID_TRANSITION', `order ${order.id} has nothing left to cancel`, {
        fulfilments: fulfilments.map((f) => ({ id: f.id, status: f.status })),
      });
    for (const fulfilment of releasable) {
      await manager.query('SELECT 1 FROM fulfilments WHERE id = $1 FOR UPDATE', [fulfilment.id]);
      const applied = await applyTransition(runtime, manager, { order, fulfilment }, 'cancelled', {
        reason: request.reason ?? 'order cancelled',
        actor: request.actor,
      });
      if (!applied.ok) return applied;
    }
    await freeCompartment(manager, order);
    await manager.query(
      'UPDATE orders SET cancelled_at = clock_timestamp(), cancel_reason = $2 WHERE id = $1',
      [order.id, request.reason ?? null],
    );
    const view = (await orderView(manager, order.id))!;
    await appendToOutbox(manager, [orderEvent(routing.orderCancelled, view, 'cancelled')]);
    return ok(view);
  });
}
