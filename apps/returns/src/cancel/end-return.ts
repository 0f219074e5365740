import { ok, type Result, type returns } from '@omnistock/contracts';
import type { SagaEngine } from '@omnistock/service-kit';
import type { EntityManager } from 'typeorm';
import type { ReleaseExchangeInput } from '../exchange/release-exchange.js';
import { checkReturnTransition } from '../lifecycle/return-lifecycle.js';
import { RETURN_SAGAS, returnSagaId } from '../sagas/return-sagas.js';
import { saveReturn } from '../store/return-store.js';

export const releaseExchangeSagaId = (returnId: string) =>
  returnSagaId(RETURN_SAGAS.releaseExchange, returnId);

export function releaseExchangeInput(view: returns.ReturnViewType): ReleaseExchangeInput {
  return { returnId: view.id, holdId: view.exchange!.holdId, reason: `return ${view.status}` };
}

/**
 * Ends a locked, still-authorised return (cancelled by the desk, or expired). Its exchange
 * hold, if any, is given back by a saga started in this same transaction: no call to the
 * ledger while the return is locked, and no ended return without its hold's release under way.
 */
export async function endReturn(
  engine: SagaEngine,
  manager: EntityManager,
  before: returns.ReturnViewType,
  to: 'cancelled' | 'expired',
  actor: string | undefined,
): Promise<Result<returns.ReturnViewType>> {
  const step = checkReturnTransition(before.id, before.status, to);
  if (!step.ok) return step;
  if (step.value.kind === 'replay') return ok(before);
  const after: returns.ReturnViewType = { ...before, status: to };
  if (after.exchange?.status === 'held') {
    const started = await engine.start(
      manager,
      RETURN_SAGAS.releaseExchange,
      releaseExchangeSagaId(after.id),
      releaseExchangeInput(after),
    );
    if (!started.ok) return started;
  }
  await saveReturn(manager, before, after, actor);
  return ok(after);
}
