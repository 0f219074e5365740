import { returns, routing, type ErrorBody } from '@omnistock/contracts';
import type { SagaDefinition } from '@omnistock/service-kit';
import { answerWhy, refusalOf } from '../sagas/refusal.js';
import { announce } from '../store/announce.js';
import { exchangeOrderId } from '../store/ledger-ids.js';
import { lockReturn, saveReturn } from '../store/return-store.js';
import { recordExchangeReleased, releaseExchangeHold } from './release-exchange.js';

export interface ExchangeOrderInput {
  returnId: string;
  /** The order being returned: the replacement goes the way it went. */
  orderId: string;
  channel: string;
  holdId: string;
  lines: { sku: string; qty: number }[];
}

interface ExchangeOrderState {
  original?: Pick<routing.OrderViewType, 'method' | 'destination' | 'pickupLocation'>;
  refusal?: ErrorBody;
}

export function exchangeOrderInput(view: returns.ReturnViewType): ExchangeOrderInput {
  const exchange = view.exchange!;
  return {
    returnId: view.id,
    orderId: view.orderId,
    channel: view.channel,
    holdId: exchange.holdId,
    lines: exchange.lines.map(({ sku, qty }) => ({ sku, qty })),
  };
}

/**
 * Once the return is in, its replacement becomes an order on the exchange hold (made for
 * that order, so routing's adoption is a replay: never held twice). Started in the
 * transaction that records the receipt. A routing outage is waited out, however long;
 * only a refusal calls the exchange off, and then the hold goes back to stock.
 */
export const exchangeOrderSaga: SagaDefinition<
  ExchangeOrderInput,
  ExchangeOrderState,
  returns.ReturnViewType
> = {
  kind: 'return.exchange-order',
  first: 'original',
  initialState: () => ({}),
  steps: {
    original: {
      attempts_max: Infinity,
      remote: async (ctx) => {
        const found = await ctx.call(routing.getOrder, { id: ctx.input.orderId });
        if (!found.ok) return { next: 'release', state: { refusal: refusalOf(found.error) } };
        const { method, destination, pickupLocation } = found.value;
        return { next: 'place', state: { original: { method, destination, pickupLocation } } };
      },
    },
    place: {
      attempts_max: Infinity,
      remote: async (ctx) => {
        const original = ctx.state.original!;
        const placed = await ctx.call(routing.createOrder, {
          id: exchangeOrderId(ctx.input.returnId),
          channel: ctx.input.channel,
          lines: ctx.input.lines,
          method: original.method,
          ...(original.destination ? { destination: original.destination } : {}),
          ...(original.pickupLocation ? { pickupLocation: original.pickupLocation } : {}),
          reservationId: ctx.input.holdId,
          actor: 'returns',
        });
        if (!placed.ok) return { next: 'release', state: { refusal: refusalOf(placed.error) } };
        return { next: 'record' };
      },
    },
    record: {
      attempts_max: Infinity,
      local: async (manager, ctx) => {
        const locked = await lockReturn(manager, ctx.input.returnId);
        if (!locked.ok) return { failed: locked.error };
        const before = locked.value;
        if (before.exchange?.status !== 'held') return { done: before };
        const orderId = exchangeOrderId(before.id);
        const after: returns.ReturnViewType = {
          ...before,
          exchange: { ...before.exchange, status: 'ordered', orderId },
        };
        await saveReturn(manager, before, after, 'returns');
        await announce(
          manager,
          returns.exchangeCreated,
          { returnId: before.id, orderId, holdId: before.exchange.holdId },
          `exchange:${before.id}`,
        );
        return { done: after };
      },
    },
    release: {
      attempts_max: Infinity,
      remote: async (ctx) => {
        const { returnId, holdId } = ctx.input;
        const reason = `exchange not placed: ${ctx.state.refusal?.code ?? 'refused'}`;
        const released = await releaseExchangeHold(ctx, returnId, holdId, reason);
        return released.ok ? { next: 'record-released' } : { failed: released.error };
      },
    },
    'record-released': {
      attempts_max: Infinity,
      local: (manager, ctx) => recordExchangeReleased(manager, ctx.input.returnId),
    },
  },
  onGiveUp: answerWhy,
};
