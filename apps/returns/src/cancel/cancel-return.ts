import type { RequestOf, Result, returns } from '@omnistock/contracts';
import { runCommand, type ServiceRuntime } from '@omnistock/service-kit';
import { RETURN_SAGAS, returnSagas } from '../sagas/return-sagas.js';
import { lockReturn, readReturn } from '../store/return-store.js';
import { endReturn, releaseExchangeInput, releaseExchangeSagaId } from './end-return.js';

/** Withdraws an authorised return; the reply shows its exchange given back unless the ledger is slow. */
export async function cancelReturn(
  runtime: ServiceRuntime,
  request: RequestOf<typeof returns.cancelReturn>,
): Promise<Result<returns.ReturnViewType>> {
  const engine = returnSagas(runtime);
  const cancelled = await runCommand(runtime.dataSource, async (manager) => {
    const locked = await lockReturn(manager, request.id);
    if (!locked.ok) return locked;
    return endReturn(engine, manager, locked.value, 'cancelled', request.actor);
  });
  if (!cancelled.ok || cancelled.value.exchange?.status !== 'held') return cancelled;
  await engine.run(
    RETURN_SAGAS.releaseExchange,
    releaseExchangeSagaId(request.id),
    releaseExchangeInput(cancelled.value),
  );
  return readReturn(runtime.dataSource.manager, request.id);
}
