import {
  DomainError,
  ledger,
  routing,
  type RequestOf,
  type routing as routingTypes,
} from '@omnistock/contracts';
import { appendToOutbox } from '@omnistock/messaging';
import type { SagaDefinition, ServiceRuntime } from '@omnistock/service-kit';
import type { EntityManager } from 'typeorm';
import { orderEvent, placementEvents } from '../../events/routing-events.js';
import { claimCompartment, giveBackCompartment } from '../../lockers/locker-store.js';
import { giveBackCapacity } from '../../placement/capacity.js';
import { placementSteps, releaseOrderHolds } from '../../placement/placement-steps.js';
import { mergeLines, storePlacement } from '../../placement/store-placement.js';
import {
  failureOf,
  newPlacing,
  orderReference,
  type PlacingFlow,
} from '../../placement/placing.js';
import { routingPolicyFor } from '../../routing/strategies.js';
import { settleUnfillable } from '../../rules/unfillable.js';
import { orderView } from '../order-store.js';
import { beginReroutes, commitOrderHolds } from '../order-holds.js';

export type CreateOrder = RequestOf<typeof routing.createOrder>;

interface CreateState extends PlacingFlow {
  lockerSize?: string | null;
  /** The adopted cart hold, released when the order is not placed after all. */
  cartAdopted?: string;
  view?: routingTypes.OrderViewType;
  /** Holds found gone when committing: their fulfilments are re-routed. */
  lostHolds?: string[];
}

export const CREATE_ORDER_SAGA = 'order.create';
export const createOrderSagaId = (orderId: string) => `order:${orderId}`;

/**
 * Placing an order, as a saga. Order of steps, and why:
 * check the pickup place (read) → claim a locker compartment (local) → adopt the cart hold
 * (the order owns its units before anything else can happen to them) → placement (route,
 * claim capacity, hold per location for the order, with short-lived holds) → record the
 * order, its fulfilments, decisions and events (local; from here the order exists and
 * the reply is known) → commit the holds (they stop expiring). Until the record, any
 * refusal or exhausted retry compensates: holds released, capacity and compartment given
 * back, durably. After it, nothing is undone: a hold found lost is re-routed.
 */
export function createOrderSaga(
  runtime: ServiceRuntime,
): SagaDefinition<CreateOrder, CreateState, routingTypes.OrderViewType> {
  const exits = { placed: 'record', compensate: 'compensate' };
  return {
    kind: CREATE_ORDER_SAGA,
    first: 'check',
    initialState: (request) => ({
      context: {
        orderId: request.id,
        channel: request.channel,
        method: request.method,
        destination: request.destination ?? null,
        pickupLocation: request.pickupLocation ?? null,
      },
      placing: newPlacing(
        request.lines,
        request.reservationId ? 'order_created_from_cart_hold' : 'order_created',
        request.promiseId ? { promiseId: request.promiseId } : {},
      ),
    }),
    steps: {
      check: {
        remote: async (ctx) => {
          const code = ctx.input.pickupLocation;
          if (code !== undefined) {
            const found = await ctx.call(ledger.listLocations, { codes: [code] });
            if (!found.ok) return { failed: found.error };
            const location = found.value.locations[0];
            if (!location)
              return {
                failed: new DomainError('UNKNOWN_LOCATION', `unknown location: ${code}`, {
                  location: code,
                }),
              };
            if (!location.capabilities.includes('pickup'))
              return {
                failed: new DomainError('LOCATION_NOT_ALLOWED', `${code} does not do pickup`, {
                  location: code,
                }),
              };
            if (location.kind === 'locker') return { next: 'locker' };
          }
          return { next: ctx.input.reservationId ? 'adopt' : 'place.route' };
        },
      },
      locker: {
        local: async (manager, ctx) => {
          const claimed = await claimCompartment(
            manager,
            ctx.input.pickupLocation!,
            ctx.input.lines.map((line) => line.sku),
          );
          if (!claimed.ok) return { failed: claimed.error };
          return {
            next: ctx.input.reservationId ? 'adopt' : 'place.route',
            state: { ...ctx.state, lockerSize: claimed.value },
          };
        },
      },
      adopt: {
        remote: async (ctx) => {
          const { orderId, channel } = ctx.state.context;
          const id = ctx.input.reservationId!;
          const found = await ctx.call(ledger.getHold, {
            id,
            principal: { kind: 'cart', channels: [channel] },
          });
          if (!found.ok) return toCompensation(ctx.state, found.error);
          if (!sameLines(found.value.lines, ctx.input.lines))
            return toCompensation(ctx.state, {
              code: 'VALIDATION_FAILED',
              message: `reservation ${id} does not hold this order's lines`,
              details: {
                problems: [{ path: '/reservationId', message: 'lines differ from the order' }],
              },
            });
          const adopted = await ctx.call(ledger.commit, {
            id,
            orderId,
            channel,
            reference: orderReference(orderId),
          });
          if (!adopted.ok) return toCompensation(ctx.state, adopted.error);
          const state: CreateState = {
            ...ctx.state,
            cartAdopted: id,
            placing: {
              ...ctx.state.placing,
              cart: { id, lines: adopted.value.lines },
              // A quote decides where the order goes: the cart's units are let go first.
              dropCart: ctx.input.promiseId !== undefined,
            },
          };
          return { next: ctx.input.promiseId ? 'cart.release' : 'place.route', state };
        },
      },
      ...placementSteps<CreateState>(runtime, exits),
      record: {
        local: async (manager, ctx) => {
          const view = await writeOrder(manager, ctx.input, ctx.state);
          return { next: 'commit', state: { ...ctx.state, view }, reply: view };
        },
      },
      commit: {
        attempts_max: Infinity,
        remote: async (ctx) => {
          const holds = ctx.state.placing.held.map((f) => f.holdId);
          const lost = await commitOrderHolds(ctx, holds, ctx.state.context);
          if ('retry' in lost) return lost;
          if (lost.ids.length === 0) return { done: ctx.state.view! };
          return { next: 'lost', state: { ...ctx.state, lostHolds: lost.ids } };
        },
      },
      lost: {
        local: async (manager, ctx) => {
          await beginReroutes(manager, ctx, ctx.state.lostHolds ?? []);
          return { done: ctx.state.view! };
        },
      },
      compensate: {
        attempts_max: Infinity,
        remote: async (ctx) => {
          const { held, cart, cartUsed } = ctx.state.placing;
          const ids = new Set(held.map((f) => f.holdId));
          if (ctx.state.cartAdopted) ids.add(ctx.state.cartAdopted);
          if (cart && !cartUsed) ids.add(cart.id);
          return (await releaseOrderHolds(ctx, [...ids])) ?? { next: 'compensate.local' };
        },
      },
      'compensate.local': {
        local: async (manager, ctx) => {
          for (const taken of ctx.state.placing.claimed)
            await giveBackCapacity(manager, taken.location, taken.timezone);
          if (ctx.state.lockerSize)
            await giveBackCompartment(manager, ctx.input.pickupLocation!, ctx.state.lockerSize);
          const failure = ctx.state.failure!;
          return { failed: new DomainError(failure.code, failure.message, failure.details) };
        },
      },
    },
    onGiveUp: (ctx, _step, failure) => toCompensation(ctx.state, failure),
  };
}

function toCompensation(
  state: CreateState,
  error: { code: string; message: string; details?: unknown },
) {
  return { next: 'compensate', state: { ...state, failure: failureOf(error) } };
}

/** The cart hold must hold exactly the order's lines (by SKU, wherever they are held). */
function sameLines(
  held: readonly { sku: string; qty: number }[],
  ordered: readonly { sku: string; qty: number }[],
): boolean {
  const key = (lines: readonly { sku: string; qty: number }[]) =>
    JSON.stringify(mergeLines(lines).sort((x, y) => (x.sku < y.sku ? -1 : x.sku > y.sku ? 1 : 0)));
  return key(held) === key(ordered);
}

/** The order, its fulfilments and decisions and its events: one transaction, with the saga's progress. */
async function writeOrder(
  manager: EntityManager,
  request: CreateOrder,
  state: CreateState,
): Promise<routingTypes.OrderViewType> {
  const { placing } = state;
  const policy = await routingPolicyFor(manager, request.channel);
  const unplaced = settleUnfillable(placing.backordered ?? [], policy.rules.unfillable);
  const placement = {
    fulfilments: placing.held,
    decisions: placing.decisions,
    backordered: placing.backordered ?? [],
    lastPlacement: placing.lastPlacement,
  };
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
      state.lockerSize ?? null,
    ],
  );
  await storePlacement(manager, request.id, placement);
  let view = (await orderView(manager, request.id))!;
  // Nothing will ever arrive for an order whose every line was cancelled: free its compartment.
  if (view.status === 'cancelled' && state.lockerSize) {
    await giveBackCompartment(manager, request.pickupLocation!, state.lockerSize);
    await manager.query('UPDATE orders SET locker_size = NULL WHERE id = $1', [request.id]);
    view = (await orderView(manager, request.id))!;
  }
  await appendToOutbox(manager, [
    orderEvent(routing.orderCreated, view, 'created'),
    ...placementEvents(view, placement, unplaced),
  ]);
  return view;
}
