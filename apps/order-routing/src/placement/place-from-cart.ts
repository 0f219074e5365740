import { fail, ledger, ok, type Result, type routing } from '@omnistock/contracts';
import { callService, type ServiceRuntime } from '@omnistock/service-kit';
import type { EntityManager } from 'typeorm';
import type { RoutingRules, RoutingStrategy } from '../routing/routing-strategy.js';
import { claimCapacity } from './capacity.js';
import { candidatesFor } from './candidates.js';
import {
  decisionOf,
  fulfilmentIdFor,
  placeLines,
  RACE_CODES,
  routingInputFor,
  type OrderContext,
  type Placement,
} from './place-lines.js';
import { mergeLines } from './store-placement.js';

type Hold = ledger.HoldViewType;

function sameLines(a: readonly routing.OrderLineType[], b: readonly routing.OrderLineType[]) {
  const key = (lines: readonly routing.OrderLineType[]) =>
    JSON.stringify(mergeLines(lines).sort((x, y) => x.sku.localeCompare(y.sku)));
  return key(a) === key(b);
}

/** The cart hold must be this order's: same channel, same SKUs and quantities, still live. */
export async function cartHoldOf(
  runtime: ServiceRuntime,
  context: OrderContext,
  reservationId: string,
  lines: readonly routing.OrderLineType[],
): Promise<Result<Hold>> {
  const found = await callService(runtime, ledger.getHold, { id: reservationId });
  if (!found.ok) return found;
  const hold = found.value;
  // Committed to this very order means a retried create after the hold was already adopted.
  const adoptedByThisOrder =
    hold.status === 'committed' && hold.reference === `order ${context.orderId}`;
  if (hold.status !== 'held' && !adoptedByThisOrder)
    return fail('INVALID_TRANSITION', `reservation ${reservationId} is ${hold.status}`, {
      reservationId,
      status: hold.status,
    });
  if (hold.channel !== context.channel || !sameLines(hold.lines, lines))
    return fail(
      'VALIDATION_FAILED',
      `reservation ${reservationId} does not hold this order's lines`,
      {
        problems: [{ path: '/reservationId', message: 'channel or lines differ from the order' }],
      },
    );
  return ok(hold);
}

/** Moves every line of the cart hold to `to`, then commits it so it stops expiring. */
async function consolidate(
  runtime: ServiceRuntime,
  hold: Hold,
  to: string,
  orderId: string,
): Promise<Result<void>> {
  for (const from of new Set(hold.lines.map((line) => line.location))) {
    if (from === to) continue;
    const moved = await callService(runtime, ledger.moveHold, { id: hold.id, from, to });
    if (!moved.ok) return moved;
  }
  const committed = await callService(runtime, ledger.commit, {
    id: hold.id,
    reference: `order ${orderId}`,
  });
  return committed.ok ? ok(undefined) : committed;
}

/**
 * An order from a cart hold: its units count as the order's own when routing. When one
 * location can send everything, the cart hold is moved there (atomically, in the ledger)
 * and becomes the fulfilment's hold — never held twice. When the order must split, or the
 * move loses a race, the cart hold is released and the order is placed like any other
 * (a window in which another shopper may take those units; the order then routes elsewhere
 * or backorders).
 */
export async function placeFromCart(
  runtime: ServiceRuntime,
  manager: EntityManager,
  context: OrderContext,
  reservationId: string,
  lines: readonly routing.OrderLineType[],
  placement: number,
  policy: { strategy: RoutingStrategy; rules: RoutingRules },
): Promise<Result<Placement>> {
  const hold = await cartHoldOf(runtime, context, reservationId, lines);
  if (!hold.ok) return hold;
  const listed = await callService(runtime, ledger.listLocations, {});
  if (!listed.ok) return listed;
  const candidates = await candidatesFor(runtime, manager, context, lines, listed.value.locations);
  if (!candidates.ok) return candidates;
  for (const line of hold.value.lines) {
    const candidate = candidates.value.find((c) => c.code === line.location);
    if (!candidate) continue;
    const available = new Map(candidate.available);
    available.set(line.sku, (available.get(line.sku) ?? 0) + line.qty);
    candidate.available = available;
  }
  const input = routingInputFor(context, lines, candidates.value);
  const plan = policy.strategy.route(input, policy.rules);
  const decision = decisionOf(plan, placement, 'order_created_from_cart_hold', input);
  const single = plan.allocations.length === 1 && plan.backordered.length === 0;
  if (single) {
    const to = plan.allocations[0]!.location;
    const target = candidates.value.find((c) => c.code === to);
    const capacity = target?.dailyCapacity;
    const room =
      capacity === undefined || (await claimCapacity(manager, to, capacity, target?.timezone));
    const moved = room ? await consolidate(runtime, hold.value, to, context.orderId) : undefined;
    if (moved?.ok)
      return ok({
        fulfilments: [
          {
            id: fulfilmentIdFor(context.orderId, placement, to),
            placement,
            location: to,
            lines: plan.allocations[0]!.lines,
            holdId: reservationId,
          },
        ],
        decisions: [
          { ...decision, explanation: `${decision.explanation}; the cart hold moved there` },
        ],
        backordered: [],
        lastPlacement: placement,
      });
    if (moved && !RACE_CODES.has(moved.error.code)) return moved;
  }
  const released = await callService(runtime, ledger.release, {
    id: reservationId,
    reason: `replaced by the holds of order ${context.orderId}`,
  });
  if (!released.ok) return released;
  const placed = await placeLines(runtime, manager, context, lines, {
    excluded: new Map(),
    firstPlacement: placement + 1,
    trigger: 'cart_hold_released',
    ...policy,
  });
  if (!placed.ok) return placed;
  return ok({ ...placed.value, decisions: [decision, ...placed.value.decisions] });
}
