import { ledger, ok, type Result, type returns } from '@omnistock/contracts';
import { callService, type ServiceRuntime } from '@omnistock/service-kit';
import type { EntityManager } from 'typeorm';
import { checkReturnTransition } from '../lifecycle/return-lifecycle.js';
import { exchangeOrderId } from '../store/ledger-ids.js';
import { saveReturn } from '../store/return-store.js';

/**
 * Ends a locked, still-authorised return (cancelled by the desk, or expired): its exchange
 * hold goes back to stock first, inside the transaction, so a return is never ended with
 * its replacement still held.
 */
export async function endReturn(
  runtime: ServiceRuntime,
  manager: EntityManager,
  before: returns.ReturnViewType,
  to: 'cancelled' | 'expired',
  actor: string | undefined,
): Promise<Result<returns.ReturnViewType>> {
  const step = checkReturnTransition(before.id, before.status, to);
  if (!step.ok) return step;
  if (step.value.kind === 'replay') return ok(before);
  let exchange = before.exchange;
  if (exchange?.status === 'held') {
    const released = await callService(runtime, ledger.release, {
      id: exchange.holdId,
      principal: { kind: 'order', orderId: exchangeOrderId(before.id) },
      reason: `return ${to}`,
    });
    if (!released.ok && released.error.code !== 'INVALID_TRANSITION') return released;
    exchange = { ...exchange, status: 'released' };
  }
  const after: returns.ReturnViewType = { ...before, status: to, exchange };
  await saveReturn(manager, before, after, actor);
  return ok(after);
}
