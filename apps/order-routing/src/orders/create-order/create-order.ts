import { fail, ok, type Result, type routing } from '@omnistock/contracts';
import type { SagaEngine } from '@omnistock/service-kit';
import { CREATE_ORDER_SAGA, createOrderSagaId, type CreateOrder } from './create-order.saga.js';

/** Shape rules the schema cannot say: shipping needs a destination, pickup needs a place. */
function checkShape(request: CreateOrder): Result<void> {
  if (request.method === 'ship' && !request.destination)
    return fail('VALIDATION_FAILED', 'a ship order needs a destination with lat and lon', {
      problems: [{ path: '/destination', message: 'required when method is ship' }],
    });
  if (request.method === 'pickup' && !request.pickupLocation)
    return fail('VALIDATION_FAILED', 'a pickup order needs a pickupLocation', {
      problems: [{ path: '/pickupLocation', message: 'required when method is pickup' }],
    });
  return ok(undefined);
}

/**
 * Places an order: the order id is the saga's id, so a replay answers the first reply and
 * the same id with another body is IDEMPOTENCY_CONFLICT (who sent it, the actor, is not
 * part of what makes two requests the same order).
 */
export function createOrder(
  engine: SagaEngine,
  request: CreateOrder,
): Promise<Result<routing.OrderViewType>> {
  const shape = checkShape(request);
  if (!shape.ok) return Promise.resolve(shape);
  const { actor: _actor, ...identity } = request;
  return engine.run(CREATE_ORDER_SAGA, createOrderSagaId(request.id), request, { identity });
}
