import {
  ledger,
  ok,
  returns as returnsContracts,
  type Result,
  type returns,
} from '@omnistock/contracts';
import type { SagaContext, SagaDefinition, StepOutcome } from '@omnistock/service-kit';
import type { EntityManager } from 'typeorm';
import { answerWhy } from '../sagas/refusal.js';
import { announce } from '../store/announce.js';
import { exchangeOrderId } from '../store/ledger-ids.js';
import { lockReturn, saveReturn } from '../store/return-store.js';

/** Nothing left to give back: never made, already released, expired, or shipped. */
const HOLD_GONE_CODES: ReadonlySet<string> = new Set(['HOLD_NOT_FOUND', 'INVALID_TRANSITION']);

/**
 * Gives the exchange hold back, acting as the exchange order that owns it. Idempotent: a
 * hold already gone counts as given back, so a retry or a replay ends the same way.
 */
export async function releaseExchangeHold(
  ctx: Pick<SagaContext<unknown, unknown>, 'call'>,
  returnId: string,
  holdId: string,
  reason: string,
): Promise<Result<void>> {
  const released = await ctx.call(ledger.release, {
    id: holdId,
    principal: { kind: 'order', orderId: exchangeOrderId(returnId) },
    reason,
    actor: 'returns',
  });
  if (released.ok || HOLD_GONE_CODES.has(released.error.code)) return ok(undefined);
  return released;
}

/** The return records its exchange as given back (once; a replay finds it so). */
export async function recordExchangeReleased<S>(
  manager: EntityManager,
  returnId: string,
): Promise<StepOutcome<S, returns.ReturnViewType>> {
  const locked = await lockReturn(manager, returnId);
  if (!locked.ok) return { failed: locked.error };
  const before = locked.value;
  if (before.exchange?.status !== 'held') return { done: before };
  const after = { ...before, exchange: { ...before.exchange, status: 'released' as const } };
  await saveReturn(manager, before, after, 'returns');
  await announce(
    manager,
    returnsContracts.exchangeCancelled,
    { returnId, orderId: exchangeOrderId(returnId), holdId: before.exchange.holdId },
    `exchange-cancelled:${returnId}`,
  );
  return { done: after };
}

export interface ReleaseExchangeInput {
  returnId: string;
  holdId: string;
  reason: string;
}

/**
 * A return ended (cancelled, expired) with its replacement still held: the hold goes back
 * to stock. Started in the transaction that ends the return, so an ended return always
 * has it; it retries until the ledger answers, since a hold nobody owns must not stay.
 */
export const releaseExchangeSaga: SagaDefinition<
  ReleaseExchangeInput,
  Record<string, never>,
  returns.ReturnViewType
> = {
  kind: 'return.release-exchange',
  first: 'release',
  initialState: () => ({}),
  steps: {
    release: {
      attempts_max: Infinity,
      remote: async (ctx) => {
        const { returnId, holdId, reason } = ctx.input;
        const released = await releaseExchangeHold(ctx, returnId, holdId, reason);
        return released.ok ? { next: 'record' } : { failed: released.error };
      },
    },
    record: {
      attempts_max: Infinity,
      local: (manager, ctx) => recordExchangeReleased(manager, ctx.input.returnId),
    },
  },
  onGiveUp: answerWhy,
};
