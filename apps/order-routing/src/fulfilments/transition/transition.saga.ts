import { ledger, routing, type RequestOf } from '@omnistock/contracts';
import { appendToOutbox } from '@omnistock/messaging';
import type { SagaContext, SagaDefinition, ServiceRuntime } from '@omnistock/service-kit';
import { fulfilmentEvent } from '../../events/routing-events.js';
import { freeCompartment } from '../../lockers/locker-store.js';
import { beginReroutes, commitOrderHolds } from '../../orders/order-holds.js';
import { loadOrder, orderView, type FulfilmentRow } from '../../orders/order-store.js';
import { releaseOrderHolds } from '../../placement/placement-steps.js';
import type { PlacingFlow } from '../../placement/placing.js';
import {
  applyTransition,
  effectOf,
  lockFulfilment,
  type LedgerEffect,
} from './transition-fulfilment.js';

export type TransitionInput = RequestOf<typeof routing.acceptFulfilment> & {
  to: routing.FulfilmentStatus;
  tracking?: string;
};

interface TransitionState extends Pick<PlacingFlow, 'context'> {
  view?: routing.FulfilmentViewType;
  effect?: LedgerEffect;
  holdId?: string;
  shipTo?: string | null;
  /** Units held at the pickup store for the order when its leg arrived. */
  arrivalHold?: string;
}

export const TRANSITION_SAGA = 'fulfilment.transition';
export const transitionSagaId = (fulfilmentId: string, to: routing.FulfilmentStatus) =>
  `fulfilment:${fulfilmentId}:${to}`;

/** The hold a leg's units are held in once they reach the pickup store. */
export const arrivalHoldId = (legId: string) => `${legId}:in`;

/**
 * accept / ship / ready / collect / deliver, as a saga: the new status is recorded first
 * (that is what happened at the location, and the reply), then the ledger is told — the
 * hold committed, posted or released; a leg's hold sent on as a transfer in one command,
 * and received at the store into a hold for the order in one command — retried until it
 * is done. A status never waits on the ledger, and the ledger never runs ahead of it.
 */
export function transitionSaga(
  runtime: ServiceRuntime,
): SagaDefinition<TransitionInput, TransitionState, routing.FulfilmentViewType> {
  const discrepancies = runtime.metrics.counter(
    'omnistock_ledger_discrepancies_total',
    'Fulfilment changes the ledger refused after they happened (the ledger let the units go first), by effect.',
    ['effect'],
  );
  /**
   * The status stands (the parcel left, the customer has it); the ledger refused to follow,
   * which only happens when it let the units go first (a count took them). Counted and
   * logged for someone to look at: there is nothing to undo.
   */
  const discrepancy = (
    ctx: SagaContext<TransitionInput, TransitionState>,
    code: string,
  ): { done: routing.FulfilmentViewType } => {
    discrepancies.inc({ effect: ctx.state.effect! });
    runtime.logger.error(
      { fulfilment: ctx.input.id, effect: ctx.state.effect, code },
      'the ledger refused a fulfilment change that already happened',
    );
    return { done: ctx.state.view! };
  };
  return {
    kind: TRANSITION_SAGA,
    first: 'apply',
    initialState: () => ({
      context: {
        orderId: '',
        channel: '',
        method: 'ship',
        destination: null,
        pickupLocation: null,
      },
    }),
    steps: {
      apply: {
        local: async (manager, ctx) => {
          const locked = await lockFulfilment(manager, ctx.input.id);
          if (!locked.ok) return { failed: locked.error };
          const applied = await applyTransition(manager, locked.value, ctx.input.to, {
            tracking: ctx.input.tracking,
            actor: ctx.input.actor,
          });
          if (!applied.ok) return { failed: applied.error };
          const { order, fulfilment } = locked.value;
          if (applied.value.replay) return { done: applied.value.view };
          // The customer took the parcel: a locker compartment is free once nothing is left to collect.
          if (ctx.input.to === 'collected') {
            const view = await orderView(manager, order.id);
            if (view?.status === 'fulfilled') await freeCompartment(manager, order);
          }
          const effect = effectOf(fulfilment, ctx.input.to);
          if (!effect) return { done: applied.value.view };
          return {
            next: 'effect',
            reply: applied.value.view,
            state: {
              context: {
                orderId: order.id,
                channel: order.channel,
                method: order.method,
                destination: order.destination,
                pickupLocation: order.pickup_location,
              },
              view: applied.value.view,
              effect,
              holdId: fulfilment.hold_id,
              shipTo: fulfilment.ship_to,
            },
          };
        },
      },
      effect: {
        attempts_max: Infinity,
        remote: async (ctx) => {
          const { effect, holdId, view } = ctx.state;
          const principal = { kind: 'order' as const, orderId: ctx.state.context.orderId };
          switch (effect) {
            case 'commit': {
              const lost = await commitOrderHolds(ctx, [holdId!], ctx.state.context);
              if ('retry' in lost) return lost;
              return lost.ids.length > 0 ? { next: 'lost', state: ctx.state } : { done: view! };
            }
            case 'release':
              return (await releaseOrderHolds(ctx, [holdId!])) ?? { done: view! };
            case 'fulfil': {
              const posted = await ctx.call(ledger.fulfil, {
                id: holdId!,
                principal,
                actor: ctx.input.actor,
              });
              return posted.ok ? { done: view! } : discrepancy(ctx, posted.error.code);
            }
            case 'send_to_store': {
              const sent = await ctx.call(ledger.transferHold, {
                id: holdId!,
                transferId: ctx.input.id,
                to: ctx.state.shipTo!,
                principal,
                actor: ctx.input.actor,
              });
              return sent.ok ? { done: view! } : discrepancy(ctx, sent.error.code);
            }
            case 'arrive_at_store': {
              const order = await loadOrder(runtime.dataSource.manager, ctx.state.context.orderId);
              const hold = order?.cancelled_at === null ? arrivalHoldId(ctx.input.id) : undefined;
              const received = await ctx.call(ledger.receiveTransfer, {
                id: ctx.input.id,
                ...(hold
                  ? { holdFor: { holdId: hold, orderId: order!.id, channel: order!.channel } }
                  : {}),
                actor: ctx.input.actor,
              });
              if (!received.ok) return discrepancy(ctx, received.error.code);
              return hold
                ? { next: 'arrive', state: { ...ctx.state, arrivalHold: hold } }
                : { done: view! };
            }
            default:
              return { done: view! };
          }
        },
      },
      /** The units are at the store, held for the order: its pickup fulfilment there begins. */
      arrive: {
        local: async (manager, ctx) => {
          const order = (await loadOrder(manager, ctx.state.context.orderId, true))!;
          // Cancelled while the units travelled: they join the store's shelf.
          if (order.cancelled_at !== null) return { next: 'release-arrival' };
          const leg = ctx.state.view!;
          const inserted: FulfilmentRow[] = await manager.query(
            `INSERT INTO fulfilments (id, order_id, placement, location, status, lines, hold_id)
             SELECT $1, order_id, placement, $2, 'assigned', lines, $1 FROM fulfilments WHERE id = $3
             ON CONFLICT (id) DO NOTHING RETURNING *`,
            [ctx.state.arrivalHold, ctx.state.shipTo, leg.id],
          );
          if (inserted[0])
            await appendToOutbox(manager, [
              fulfilmentEvent(
                {
                  id: order.id,
                  channel: order.channel,
                  method: order.method,
                  promiseId: order.promise_id,
                },
                inserted[0],
              ),
            ]);
          return { done: leg };
        },
      },
      'release-arrival': {
        attempts_max: Infinity,
        remote: async (ctx) =>
          (await releaseOrderHolds(ctx, [ctx.state.arrivalHold!])) ?? { done: ctx.state.view! },
      },
      /** Accepted, but the ledger had already let the units go: the lines are routed again. */
      lost: {
        local: async (manager, ctx) => {
          await beginReroutes(manager, ctx, [ctx.state.holdId!]);
          return { done: ctx.state.view! };
        },
      },
    },
    // Only `apply` has a limit: what follows it must be done, however long the ledger is away.
    onGiveUp: (_ctx, _step, failure) => ({ failed: failure }),
  };
}
