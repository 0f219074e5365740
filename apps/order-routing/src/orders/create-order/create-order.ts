import { fail, ledger, ok, routing, type RequestOf, type Result } from '@omnistock/contracts';
import { appendToOutbox } from '@omnistock/messaging';
import { callService, runIdempotentCommand, type ServiceRuntime } from '@omnistock/service-kit';
import type { EntityManager } from 'typeorm';
import { orderEvent, placementEvents } from '../../events/routing-events.js';
import {
  placeLines,
  releaseHolds,
  type OrderContext,
  type Placement,
} from '../../placement/place-lines.js';
import { cartHoldOf, placeFromCart } from '../../placement/place-from-cart.js';
import { placeOnPromise } from '../../placement/place-on-promise.js';
import { reservePlacementNumbers } from '../../placement/placement-numbers.js';
import { storePlacement } from '../../placement/store-placement.js';
import { routingPolicyFor } from '../../routing/strategies.js';
import { claimCompartment, freeCompartment } from '../../lockers/locker-store.js';
import { settleUnfillable } from '../../rules/unfillable.js';
import { loadOrder, orderView } from '../order-store.js';

type CreateOrder = RequestOf<typeof routing.createOrder>;

/** Shape rules the schema cannot say: shipping needs a destination, pickup needs a place. */
function checkShape(request: CreateOrder): Result<void> {
  if (request.method === 'ship' && !request.destination)
    return fail('VALIDATION_FAILED', 'a ship order needs a destination with lat and lon', {
      problems: [{ path: '/destination', message: 'required when method is ship' }],
    });
  if (request.method === 'pickup' && !request.pickupLocation)
    return fail('VALIDATION_FAILED', 'a pickup order needs a pickupLocation', {
      problems: [{ path: '/pickupLocation', message: 'required when method is pickup' }],
    });
  return ok(undefined);
}

/** The pickup location must exist and do pickup; anything else is the client's mistake. */
async function checkPickupLocation(
  runtime: ServiceRuntime,
  code: string | undefined,
): Promise<Result<{ kind: string } | undefined>> {
  if (code === undefined) return ok(undefined);
  const found = await callService(runtime, ledger.listLocations, { codes: [code] });
  if (!found.ok) return found;
  const location = found.value.locations[0];
  if (!location) return fail('UNKNOWN_LOCATION', `unknown location: ${code}`, { location: code });
  if (!location.capabilities.includes('pickup'))
    return fail('LOCATION_NOT_ALLOWED', `${code} does not do pickup`, { location: code });
  return ok(location);
}

/**
 * A promise names the locations; a cart hold on the same order is released first so the
 * promised holds can use its units (never held twice).
 */
async function placeOnPromiseFromCart(
  runtime: ServiceRuntime,
  context: OrderContext,
  request: CreateOrder,
  placement: number,
): Promise<Result<Placement>> {
  if (request.reservationId) {
    const cart = await cartHoldOf(runtime, context, request.reservationId, request.lines);
    if (!cart.ok) return cart;
    const released = await callService(runtime, ledger.release, {
      id: request.reservationId,
      reason: `replaced by the holds of order ${request.id}`,
    });
    if (!released.ok) return released;
  }
  return placeOnPromise(runtime, context, request.promiseId!, request.lines, placement);
}

async function writeOrder(
  manager: EntityManager,
  request: CreateOrder,
  placement: Placement,
  lockerSize: string | null,
  unfillable: routing.UnfillablePolicy,
): Promise<routing.OrderViewType> {
  const unplaced = settleUnfillable(placement.backordered, unfillable);
  await manager.query(
    `INSERT INTO orders (id, channel, method, lines, destination, pickup_location, promise_id,
       reservation_id, backordered, cancelled_lines, placements, locker_size)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      request.id,
      request.channel,
      request.method,
      JSON.stringify(request.lines),
      request.destination ? JSON.stringify(request.destination) : null,
      request.pickupLocation ?? null,
      request.promiseId ?? null,
      request.reservationId ?? null,
      JSON.stringify(unplaced.backordered),
      JSON.stringify(unplaced.cancelled),
      placement.lastPlacement,
      lockerSize,
    ],
  );
  await storePlacement(manager, request.id, placement);
  const view = (await orderView(manager, request.id))!;
  // Nothing will ever arrive for an order whose every line was cancelled: free its compartment.
  if (view.status === 'cancelled')
    await freeCompartment(manager, (await loadOrder(manager, request.id))!);
  await appendToOutbox(manager, [
    orderEvent(routing.orderCreated, view, 'created'),
    ...placementEvents(view, placement, unplaced),
  ]);
  return view;
}

/**
 * Places an order: one transaction per order id (a replay answers the first reply, the same
 * id with another body is IDEMPOTENCY_CONFLICT). Holds are made in the ledger before the
 * order row commits; when the command fails after making some, they are released, so a
 * refused order leaves nothing held.
 */
export async function createOrder(
  runtime: ServiceRuntime,
  request: CreateOrder,
): Promise<Result<routing.OrderViewType>> {
  const shape = checkShape(request);
  if (!shape.ok) return shape;
  const { actor: _actor, ...body } = request;
  let madeHolds: string[] = [];
  // Before the transaction: it takes a connection of its own, and must outlive a rollback.
  const first = await reservePlacementNumbers(runtime.dataSource, request.id);
  try {
    const result = await runIdempotentCommand(
      runtime.dataSource,
      `order:${request.id}`,
      body,
      async (manager) => {
        madeHolds = [];
        const pickup = await checkPickupLocation(runtime, request.pickupLocation);
        if (!pickup.ok) return pickup;
        let lockerSize: string | null = null;
        if (pickup.value?.kind === 'locker') {
          const claimed = await claimCompartment(
            manager,
            request.pickupLocation!,
            request.lines.map((line) => line.sku),
          );
          if (!claimed.ok) return claimed;
          lockerSize = claimed.value;
        }
        const context: OrderContext = {
          orderId: request.id,
          channel: request.channel,
          method: request.method,
          destination: request.destination ?? null,
          pickupLocation: request.pickupLocation ?? null,
        };
        const policy = await routingPolicyFor(manager, request.channel);
        const placement = request.promiseId
          ? await placeOnPromiseFromCart(runtime, context, request, first)
          : request.reservationId
            ? await placeFromCart(
                runtime,
                manager,
                context,
                request.reservationId,
                request.lines,
                first,
                policy,
              )
            : await placeLines(runtime, manager, context, request.lines, {
                excluded: new Map(),
                firstPlacement: first,
                trigger: 'order_created',
                ...policy,
              });
        if (!placement.ok) return placement;
        // The shopper's cart hold is theirs: a failed order leaves it (moved or not) to expire.
        madeHolds = placement.value.fulfilments
          .map((f) => f.holdId)
          .filter((id) => id !== request.reservationId);
        return ok(
          await writeOrder(manager, request, placement.value, lockerSize, policy.rules.unfillable),
        );
      },
    );
    if (!result.ok) await releaseHolds(runtime, madeHolds);
    return result;
  } catch (error) {
    await releaseHolds(runtime, madeHolds);
    throw error;
  }
}
