import type { Result, routing } from '@omnistock/contracts';
import type { SagaEngine } from '@omnistock/service-kit';
import { TRANSITION_SAGA, transitionSagaId, type TransitionInput } from './transition.saga.js';

/**
 * accept / ship / ready / collect / deliver: one saga per fulfilment and status, so a
 * retried command answers the first (the tracking or actor sent again changes nothing).
 */
export function moveFulfilment(
  engine: SagaEngine,
  request: Omit<TransitionInput, 'to'>,
  to: routing.FulfilmentStatus,
): Promise<Result<routing.FulfilmentViewType>> {
  return engine.run(
    TRANSITION_SAGA,
    transitionSagaId(request.id, to),
    { ...request, to },
    {
      identity: { id: request.id, to },
    },
  );
}
