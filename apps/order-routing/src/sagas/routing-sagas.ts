import { SagaEngine, type ServiceRuntime } from '@omnistock/service-kit';
import { rejectFulfilmentSaga } from '../fulfilments/reject/reject.saga.js';
import { transitionSaga } from '../fulfilments/transition/transition.saga.js';
import { cancelOrderSaga } from '../orders/cancel-order/cancel-order.saga.js';
import { createOrderSaga } from '../orders/create-order/create-order.saga.js';

/** Every workflow order routing runs across services, on one engine per replica. */
export function routingSagaEngine(runtime: ServiceRuntime): SagaEngine {
  return new SagaEngine(runtime, [
    createOrderSaga(runtime),
    cancelOrderSaga(),
    transitionSaga(runtime),
    rejectFulfilmentSaga(runtime),
  ]);
}
