import type { RequestOf, Result, returns } from '@omnistock/contracts';
import type { ServiceRuntime } from '@omnistock/service-kit';
import { RETURN_SAGAS, returnSagaId, returnSagas } from '../sagas/return-sagas.js';

/**
 * Authorise a return (see createReturnSaga). The return id is the saga's: a replay answers
 * the first outcome, the same id with another body is IDEMPOTENCY_CONFLICT, and a create
 * that was refused may be asked again.
 */
export function createReturn(
  runtime: ServiceRuntime,
  request: RequestOf<typeof returns.createReturn>,
): Promise<Result<returns.ReturnViewType>> {
  return returnSagas(runtime).run(
    RETURN_SAGAS.create,
    returnSagaId(RETURN_SAGAS.create, request.id),
    request,
  );
}
