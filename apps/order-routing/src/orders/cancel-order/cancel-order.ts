import type { Result, routing } from '@omnistock/contracts';
import type { SagaEngine } from '@omnistock/service-kit';
import { CANCEL_ORDER_SAGA, cancelOrderSagaId, type CancelOrder } from './cancel-order.saga.js';

/** One cancellation per order: a repeated cancel (whatever its reason) answers the first. */
export function cancelOrder(
  engine: SagaEngine,
  request: CancelOrder,
): Promise<Result<routing.OrderViewType>> {
  return engine.run(CANCEL_ORDER_SAGA, cancelOrderSagaId(request.id), request, {
    identity: { id: request.id },
  });
}
