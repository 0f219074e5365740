import { fail, type Result, type routing } from '@omnistock/contracts';
import type { SagaEngine } from '@omnistock/service-kit';
import { REJECT_FULFILMENT_SAGA, rejectSagaId } from './reject-saga-ids.js';
import type { RejectInput } from './reject.saga.js';

/** A fulfilment is rejected once: a repeat answers the first rejection, whatever its reason. */
export async function rejectFulfilment(
  engine: SagaEngine,
  request: RejectInput,
): Promise<Result<routing.FulfilmentViewType>> {
  const result = await engine.run<routing.FulfilmentViewType | null>(
    REJECT_FULFILMENT_SAGA,
    rejectSagaId(request.id),
    request,
    { identity: { id: request.id } },
  );
  if (result.ok && result.value === null)
    return fail('INVALID_TRANSITION', `fulfilment ${request.id} could not be rejected`);
  return result as Result<routing.FulfilmentViewType>;
}
