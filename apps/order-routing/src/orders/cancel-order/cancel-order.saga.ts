import { DomainError, routing, type RequestOf } from '@omnistock/contracts';
import { appendToOutbox } from '@omnistock/messaging';
import type { SagaDefinition } from '@omnistock/service-kit';
import { orderEvent } from '../../events/routing-events.js';
import { RELEASABLE } from '../../fulfilments/fulfilment-lifecycle.js';
import { applyTransition } from '../../fulfilments/transition/transition-fulfilment.js';
import { freeCompartment } from '../../lockers/locker-store.js';
import { releaseOrderHolds } from '../../placement/placement-steps.js';
import type { PlacingFlow } from '../../placement/placing.js';
import { loadFulfilments, loadOrder, orderView } from '../order-store.js';

export type CancelOrder = RequestOf<typeof routing.cancelOrder>;

interface CancelState extends Pick<PlacingFlow, 'context'> {
  view?: routing.OrderViewType;
  holds: string[];
}

export const CANCEL_ORDER_SAGA = 'order.cancel';
export const cancelOrderSagaId = (orderId: string) => `order-cancel:${orderId}`;

/**
 * Cancelling, as a saga: every fulfilment whose units have not left is cancelled and the
 * order marked, in one local step (the reply: nothing can be shipped from it any more),
 * then each of their holds is released in the ledger, retried until it is. Shipped and
 * collected fulfilments stay as they are; backordered lines are dropped.
 */
export function cancelOrderSaga(): SagaDefinition<CancelOrder, CancelState, routing.OrderViewType> {
  return {
    kind: CANCEL_ORDER_SAGA,
    first: 'cancel',
    initialState: () => ({
      context: {
        orderId: '',
        channel: '',
        method: 'ship',
        destination: null,
        pickupLocation: null,
      },
      holds: [],
    }),
    steps: {
      cancel: {
        local: async (manager, ctx) => {
          const request = ctx.input;
          const order = await loadOrder(manager, request.id, true);
          // Another channel's order is answered as one that does not exist: ids do not leak.
          if (!order || (request.channels && !request.channels.includes(order.channel)))
            return {
              failed: new DomainError('NOT_FOUND', `no order ${request.id}`, { id: request.id }),
            };
          if (order.cancelled_at !== null) return { done: (await orderView(manager, order.id))! };
          const fulfilments = await loadFulfilments(manager, order.id);
          const releasable = fulfilments.filter((f) => RELEASABLE.includes(f.status));
          if (releasable.length === 0 && order.backordered.length === 0)
            return {
              failed: new DomainError(
                'INVALID_TRANSITION',
                `order ${order.id} has nothing left to cancel`,
                {
                  fulfilments: fulfilments.map((f) => ({ id: f.id, status: f.status })),
                },
              ),
            };
          for (const fulfilment of releasable) {
            await manager.query('SELECT 1 FROM fulfilments WHERE id = $1 FOR UPDATE', [
              fulfilment.id,
            ]);
            const applied = await applyTransition(manager, { order, fulfilment }, 'cancelled', {
              reason: request.reason ?? 'order cancelled',
              actor: request.actor,
            });
            if (!applied.ok) return { failed: applied.error };
          }
          await freeCompartment(manager, order);
          await manager.query(
            'UPDATE orders SET cancelled_at = clock_timestamp(), cancel_reason = $2 WHERE id = $1',
            [order.id, request.reason ?? null],
          );
          const view = (await orderView(manager, order.id))!;
          await appendToOutbox(manager, [orderEvent(routing.orderCancelled, view, 'cancelled')]);
          return {
            next: 'release',
            reply: view,
            state: {
              context: {
                orderId: order.id,
                channel: order.channel,
                method: order.method,
                destination: order.destination,
                pickupLocation: order.pickup_location,
              },
              view,
              holds: releasable.map((f) => f.hold_id),
            },
          };
        },
      },
      release: {
        attempts_max: Infinity,
        remote: async (ctx) =>
          (await releaseOrderHolds(ctx, ctx.state.holds)) ?? { done: ctx.state.view! },
      },
    },
    onGiveUp: (_ctx, _step, failure) => ({ failed: failure }),
  };
}
