import { DomainError, ok, routing, type RequestOf, type Result } from '@omnistock/contracts';
import { appendToOutbox } from '@omnistock/messaging';
import type { SagaDefinition, ServiceRuntime } from '@omnistock/service-kit';
import type { EntityManager } from 'typeorm';
import { placementEvents } from '../../events/routing-events.js';
import { freeCompartment } from '../../lockers/locker-store.js';
import { commitOrderHolds, beginReroutes } from '../../orders/order-holds.js';
import {
  loadFulfilments,
  loadOrder,
  orderView,
  type FulfilmentRow,
} from '../../orders/order-store.js';
import { giveBackCapacity } from '../../placement/capacity.js';
import { placementSteps, releaseOrderHolds } from '../../placement/placement-steps.js';
import { failureOf, newPlacing, type PlacingFlow } from '../../placement/placing.js';
import { mergeLines, storePlacement } from '../../placement/store-placement.js';
import { FILTERS } from '../../routing/default-routing-strategy.js';
import { routingPolicyFor } from '../../routing/strategies.js';
import { settleUnfillable } from '../../rules/unfillable.js';
import {
  applyTransition,
  lockFulfilment,
  type Locked,
} from '../transition/transition-fulfilment.js';
import { REJECT_FULFILMENT_SAGA } from './reject-saga-ids.js';

export type RejectInput = RequestOf<typeof routing.rejectFulfilment> & {
  /** The ledger said the units are gone (a count): not the location's word, no cycle count. */
  cause?: 'hold_lost';
};

interface RejectState extends PlacingFlow {
  view?: routing.FulfilmentViewType;
  /** The rejected fulfilment's hold, let go once its lines are held elsewhere. */
  oldHold?: string;
  lostHolds?: string[];
}

/**
 * A rejection, as a saga: the fulfilment is rejected (with its cycle-count tasks) in one
 * local step — that is the reply — then its lines are placed again away from every
 * location that rejected the order, the new holds committed, and only then the old hold
 * released: the order's units are never un-held in between, and a re-route that cannot
 * be done leaves the lines backordered (or cancelled, per the channel), never lost.
 */
export function rejectFulfilmentSaga(
  runtime: ServiceRuntime,
): SagaDefinition<RejectInput, RejectState, routing.FulfilmentViewType | null> {
  return {
    kind: REJECT_FULFILMENT_SAGA,
    first: 'reject',
    initialState: () => ({
      context: {
        orderId: '',
        channel: '',
        method: 'ship',
        destination: null,
        pickupLocation: null,
      },
      placing: newPlacing([], 'fulfilment_rejected'),
    }),
    steps: {
      reject: {
        local: async (manager, ctx) => {
          const locked = await lockFulfilment(manager, ctx.input.id);
          if (!locked.ok) return { failed: locked.error };
          const named = checkMissingLines(locked.value.fulfilment, ctx.input);
          if (!named.ok) return { failed: named.error };
          const applied = await applyTransition(manager, locked.value, 'rejected', {
            reason: ctx.input.reason,
            actor: ctx.input.actor,
          });
          if (!applied.ok) {
            // The ledger's word about a fulfilment already past its shelf changes nothing here.
            if (ctx.input.cause === 'hold_lost') return { done: null };
            return { failed: applied.error };
          }
          if (applied.value.replay) return { done: applied.value.view };
          if (ctx.input.cause !== 'hold_lost')
            await raiseCycleCounts(manager, locked.value, ctx.input);
          return {
            next: 'place.route',
            reply: applied.value.view,
            state: await rerouteState(manager, locked.value, applied.value.view, ctx.input.cause),
          };
        },
      },
      ...placementSteps<RejectState>(runtime, { placed: 'record', compensate: 'compensate' }),
      record: {
        local: async (manager, ctx) => {
          const order = await lockOrder(manager, ctx.state.context.orderId);
          // Cancelled while the lines were being placed again: what was held goes back.
          if (order.cancelled_at !== null) return { next: 'compensate' };
          await recordPlacement(manager, ctx.state);
          return { next: 'commit' };
        },
      },
      commit: {
        attempts_max: Infinity,
        remote: async (ctx) => {
          const holds = ctx.state.placing.held.map((f) => f.holdId);
          const lost = await commitOrderHolds(ctx, holds, ctx.state.context);
          if ('retry' in lost) return lost;
          return { next: 'lost', state: { ...ctx.state, lostHolds: lost.ids } };
        },
      },
      lost: {
        local: async (manager, ctx) => {
          await beginReroutes(manager, ctx, ctx.state.lostHolds ?? []);
          return { next: 'release-old' };
        },
      },
      'release-old': {
        attempts_max: Infinity,
        remote: async (ctx) =>
          (await releaseOrderHolds(ctx, ctx.state.oldHold ? [ctx.state.oldHold] : [])) ?? {
            done: ctx.state.view!,
          },
      },
      compensate: {
        attempts_max: Infinity,
        remote: async (ctx) =>
          (await releaseOrderHolds(
            ctx,
            ctx.state.placing.held.map((f) => f.holdId),
          )) ?? { next: 'compensate.local' },
      },
      /** The re-route could not be done: its capacity goes back and its lines wait (backordered). */
      'compensate.local': {
        local: async (manager, ctx) => {
          for (const taken of ctx.state.placing.claimed)
            await giveBackCapacity(manager, taken.location, taken.timezone);
          const order = await lockOrder(manager, ctx.state.context.orderId);
          if (order.cancelled_at === null)
            await recordPlacement(manager, {
              ...ctx.state,
              placing: { ...ctx.state.placing, held: [], backordered: ctx.state.placing.lines },
            });
          return { next: 'release-old' };
        },
      },
    },
    onGiveUp: (ctx, step, failure) =>
      step === 'reject'
        ? { failed: failure }
        : { next: 'compensate', state: { ...ctx.state, failure: failureOf(failure) } },
  };
}

/** The lines of the rejected fulfilment, to be placed away from every location that rejected the order. */
async function rerouteState(
  manager: EntityManager,
  locked: Locked,
  view: routing.FulfilmentViewType,
  cause: RejectInput['cause'],
): Promise<RejectState> {
  const { order, fulfilment } = locked;
  const all = await loadFulfilments(manager, order.id);
  const excluded = new Map(
    all.filter((f) => f.status === 'rejected').map((f) => [f.location, FILTERS.rejected]),
  );
  excluded.set(fulfilment.location, FILTERS.rejected);
  return {
    context: {
      orderId: order.id,
      channel: order.channel,
      method: order.method,
      destination: order.destination,
      pickupLocation: order.pickup_location,
    },
    placing: newPlacing(
      fulfilment.lines,
      `${cause === 'hold_lost' ? 'hold_lost' : 'rejected'}_at_${fulfilment.location}`,
      { excluded: [...excluded] },
    ),
    view,
    oldHold: fulfilment.hold_id,
  };
}

const lockOrder = async (manager: EntityManager, orderId: string) =>
  (await loadOrder(manager, orderId, true))!;

/** The new fulfilments and decisions, what is left over per the channel's rule, and their events. */
async function recordPlacement(manager: EntityManager, state: RejectState): Promise<void> {
  const { context, placing } = state;
  const order = await lockOrder(manager, context.orderId);
  const policy = await routingPolicyFor(manager, context.channel);
  const placement = {
    fulfilments: placing.held,
    decisions: placing.decisions,
    backordered: placing.backordered ?? [],
    lastPlacement: placing.lastPlacement,
  };
  await storePlacement(manager, order.id, placement);
  const unplaced = settleUnfillable(placement.backordered, policy.rules.unfillable);
  await manager.query(
    `UPDATE orders SET placements = GREATEST(placements, $2), backordered = $3, cancelled_lines = $4
     WHERE id = $1`,
    [
      order.id,
      placement.lastPlacement,
      JSON.stringify(mergeLines(order.backordered, unplaced.backordered)),
      JSON.stringify(mergeLines(order.cancelled_lines, unplaced.cancelled)),
    ],
  );
  const view = (await orderView(manager, order.id))!;
  // Nothing will ever arrive for an order whose every line is now cancelled.
  if (view.status === 'cancelled') await freeCompartment(manager, order);
  await appendToOutbox(manager, placementEvents(view, placement, unplaced));
}

/**
 * "Not on the shelf" is a signal, not a count: it raises a cycle-count task per missing
 * line for the store to check, rather than zeroing on-hand blindly.
 */
async function raiseCycleCounts(
  manager: EntityManager,
  locked: Locked,
  request: RejectInput,
): Promise<void> {
  const missing = request.lines ?? locked.fulfilment.lines;
  for (const line of mergeLines(missing)) {
    await manager.query(
      `INSERT INTO cycle_count_tasks (location, sku, qty_not_found, fulfilment_id, reason)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (fulfilment_id, sku) DO NOTHING`,
      [locked.fulfilment.location, line.sku, line.qty, locked.fulfilment.id, request.reason],
    );
  }
}

/** The missing lines must be the fulfilment's own, and no more of each than it was given. */
function checkMissingLines(fulfilment: FulfilmentRow, request: RejectInput): Result<void> {
  const given = new Map(mergeLines(fulfilment.lines).map((line) => [line.sku, line.qty]));
  const wrong = mergeLines(request.lines ?? []).filter(
    (line) => line.qty > (given.get(line.sku) ?? 0),
  );
  if (wrong.length === 0) return ok(undefined);
  return {
    ok: false,
    error: new DomainError(
      'VALIDATION_FAILED',
      `fulfilment ${fulfilment.id} was not given those lines`,
      {
        problems: wrong.map((line) => ({ path: '/lines', message: `${line.sku} × ${line.qty}` })),
      },
    ),
  };
}
