import { fail, ok, routing, type RequestOf, type Result } from '@omnistock/contracts';
import { appendToOutbox } from '@omnistock/messaging';
import { runCommand, type ServiceRuntime } from '@omnistock/service-kit';
import type { EntityManager } from 'typeorm';
import { placementEvents } from '../../events/routing-events.js';
import {
  loadFulfilment,
  loadFulfilments,
  orderView,
  type FulfilmentRow,
} from '../../orders/order-store.js';
import { placeLines, releaseHolds, type Placement } from '../../placement/place-lines.js';
import { reservePlacementNumbers } from '../../placement/placement-numbers.js';
import { mergeLines, storePlacement } from '../../placement/store-placement.js';
import { freeCompartment } from '../../lockers/locker-store.js';
import { FILTERS } from '../../routing/default-routing-strategy.js';
import { settleUnfillable } from '../../rules/unfillable.js';
import { routingPolicyFor } from '../../routing/strategies.js';
import {
  applyTransition,
  lockFulfilment,
  type Locked,
} from '../transition/transition-fulfilment.js';

type Reject = RequestOf<typeof routing.rejectFulfilment>;

/**
 * "Not on the shelf" is a signal, not a count: it raises a cycle-count task per missing
 * line for the store to check, rather than zeroing on-hand blindly.
 */
async function raiseCycleCounts(
  manager: EntityManager,
  fulfilment: FulfilmentRow,
  request: Reject,
): Promise<void> {
  const missing = request.lines ?? fulfilment.lines;
  for (const line of mergeLines(missing)) {
    await manager.query(
      `INSERT INTO cycle_count_tasks (location, sku, qty_not_found, fulfilment_id, reason)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (fulfilment_id, sku) DO NOTHING`,
      [fulfilment.location, line.sku, line.qty, fulfilment.id, request.reason],
    );
  }
}

/** The missing lines must be the fulfilment's own, and no more of each than it was given. */
function checkMissingLines(fulfilment: FulfilmentRow, request: Reject): Result<void> {
  const given = new Map(mergeLines(fulfilment.lines).map((line) => [line.sku, line.qty]));
  const wrong = mergeLines(request.lines ?? []).filter(
    (line) => line.qty > (given.get(line.sku) ?? 0),
  );
  if (wrong.length === 0) return ok(undefined);
  return fail('VALIDATION_FAILED', `fulfilment ${fulfilment.id} was not given those lines`, {
    problems: wrong.map((line) => ({ path: '/lines', message: `${line.sku} × ${line.qty}` })),
  });
}

/**
 * Routes the rejected lines anew, away from every location that rejected this order, under
 * the channel's rules (which also say what becomes of lines nobody can take).
 */
async function reroute(
  runtime: ServiceRuntime,
  manager: EntityManager,
  locked: Locked,
  firstPlacement: number,
  policy: Awaited<ReturnType<typeof routingPolicyFor>>,
): Promise<Result<Placement>> {
  const { order, fulfilment } = locked;
  const all = await loadFulfilments(manager, order.id);
  const excluded = new Map(
    all.filter((f) => f.status === 'rejected').map((f) => [f.location, FILTERS.rejected]),
  );
  excluded.set(fulfilment.location, FILTERS.rejected);
  return placeLines(
    runtime,
    manager,
    {
      orderId: order.id,
      channel: order.channel,
      method: order.method,
      destination: order.destination,
      pickupLocation: order.pickup_location,
    },
    fulfilment.lines,
    {
      excluded,
      firstPlacement,
      trigger: `rejected_at_${fulfilment.location}`,
      ...policy,
    },
  );
}

/**
 * A location rejects: its hold is released, cycle-count tasks are raised, and its lines go
 * to the next best location — or, when none can take them, are backordered or cancelled
 * (the channel's `unfillable` rule), with an event. A pickup order is not moved to another
 * store behind the customer's back: its lines are backordered (or cancelled).
 */
export async function rejectFulfilment(
  runtime: ServiceRuntime,
  request: Reject,
): Promise<Result<routing.FulfilmentViewType>> {
  let madeHolds: string[] = [];
  const peek = await loadFulfilment(runtime.dataSource.manager, request.id);
  if (!peek) return fail('NOT_FOUND', `no fulfilment ${request.id}`, { id: request.id });
  // Before the transaction: it takes a connection of its own, and must outlive a rollback.
  const firstPlacement = await reservePlacementNumbers(runtime.dataSource, peek.order_id);
  try {
    const result = await runCommand(runtime.dataSource, async (manager) => {
      madeHolds = [];
      const locked = await lockFulfilment(manager, request.id);
      if (!locked.ok) return locked;
      const named = checkMissingLines(locked.value.fulfilment, request);
      if (!named.ok) return named;
      const applied = await applyTransition(runtime, manager, locked.value, 'rejected', {
        reason: request.reason,
        actor: request.actor,
      });
      if (!applied.ok || applied.value.replay) return applied.ok ? ok(applied.value.view) : applied;
      await raiseCycleCounts(manager, locked.value.fulfilment, request);
      const { order } = locked.value;
      const policy = await routingPolicyFor(manager, order.channel);
      const placement = await reroute(runtime, manager, locked.value, firstPlacement, policy);
      if (!placement.ok) return placement;
      madeHolds = placement.value.fulfilments.map((f) => f.holdId);
      await storePlacement(manager, order.id, placement.value);
      const unplaced = settleUnfillable(placement.value.backordered, policy.rules.unfillable);
      await manager.query(
        `UPDATE orders SET placements = $2, backordered = $3, cancelled_lines = $4
         WHERE id = $1`,
        [
          order.id,
          placement.value.lastPlacement,
          JSON.stringify(mergeLines(order.backordered, unplaced.backordered)),
          JSON.stringify(mergeLines(order.cancelled_lines, unplaced.cancelled)),
        ],
      );
      const view = (await orderView(manager, order.id))!;
      // Nothing will ever arrive for an order whose every line is now cancelled.
      if (view.status === 'cancelled') await freeCompartment(manager, order);
      await appendToOutbox(manager, placementEvents(view, placement.value, unplaced));
      return ok(applied.value.view);
    });
    if (!result.ok) await releaseHolds(runtime, madeHolds);
    return result;
  } catch (error) {
    await releaseHolds(runtime, madeHolds);
    throw error;
  }
}
