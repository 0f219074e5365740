import { SagaEngine, type ServiceRuntime } from '@omnistock/service-kit';
import { createReturnSaga } from '../create/create-saga.js';
import { exchangeOrderSaga } from '../exchange/exchange-order-saga.js';
import { releaseExchangeSaga } from '../exchange/release-exchange.js';
import { inspectionSaga } from '../inspect/inspection-saga.js';

/** Every workflow of a return that another service takes part in, one saga per return and kind. */
export const RETURN_SAGAS = {
  create: createReturnSaga.kind,
  exchangeOrder: exchangeOrderSaga.kind,
  releaseExchange: releaseExchangeSaga.kind,
  inspect: inspectionSaga.kind,
} as const;

export const returnSagaId = (kind: string, returnId: string) => `${kind}:${returnId}`;

const engines = new WeakMap<ServiceRuntime, SagaEngine>();

/** The one engine of a running returns service, shared by its handlers and its worker. */
export function returnSagas(runtime: ServiceRuntime): SagaEngine {
  let engine = engines.get(runtime);
  if (!engine) {
    engine = new SagaEngine(runtime, [
      createReturnSaga,
      exchangeOrderSaga,
      releaseExchangeSaga,
      inspectionSaga,
    ]);
    engines.set(runtime, engine);
  }
  return engine;
}
