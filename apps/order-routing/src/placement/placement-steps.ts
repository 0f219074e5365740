import { DomainError, ledger, promise, routing } from '@omnistock/contracts';
import type { SagaContext, SagaStep, ServiceRuntime, StepOutcome } from '@omnistock/service-kit';
import type { EntityManager } from 'typeorm';
import { routingPolicyFor } from '../routing/strategies.js';
import { claimCapacity, giveBackCapacity } from './capacity.js';
import { candidatesFor } from './candidates.js';
import { nextPlacementNumber } from './placement-numbers.js';
import {
  decisionOf,
  fulfilmentIdFor,
  PLACEMENT_ATTEMPTS_MAX,
  RACE_CODES,
  routingInputFor,
  type PlacedFulfilment,
} from './placement.js';
import {
  failureOf,
  orderReference,
  PLACING_HOLD_TTL_S,
  type Placing,
  type PlacingFlow,
} from './placing.js';

type Ctx<S> = SagaContext<unknown, S>;
type Outcome<S> = StepOutcome<S, never>;

/** Where a placing saga goes when placement ends, and when it must undo what it did. */
export interface PlacementExits {
  /** Placement ended: `state.placing` has the fulfilments held and the lines left over. */
  placed: string;
  /** A refusal that is not a race: `state.failure` says why. */
  compensate: string;
}

const withPlacing = <S extends PlacingFlow>(state: S, placing: Partial<Placing>): S => ({
  ...state,
  placing: { ...state.placing, ...placing },
});

const failWith = <S extends PlacingFlow>(
  state: S,
  exits: PlacementExits,
  error: { code: string; message: string; details?: unknown },
): Outcome<S> => ({ next: exits.compensate, state: { ...state, failure: failureOf(error) } });

/** Ends placement with every line nobody could take left over. */
const giveUpPlacing = <S extends PlacingFlow>(state: S, exits: PlacementExits): Outcome<S> => ({
  next: state.placing.cart && !state.placing.cartUsed ? 'cart.release' : exits.placed,
  state: withPlacing(state, {
    backordered: state.placing.lines,
    held: [],
    plan: undefined,
    placement: undefined,
    dropCart: true,
  }),
});

/**
 * Placement as saga steps, shared by order creation and every re-route: read stock and let
 * the strategy choose (remote), take a placement number and capacity (local, with the
 * saga's progress), hold the units per location for the order (remote). A race lost to
 * another order unwinds that attempt — holds released, capacity given back, both durable
 * steps — and routes again under a new number; after the last attempt the lines are left
 * over for the channel's rule. Nothing here calls another service inside a transaction.
 */
export function placementSteps<S extends PlacingFlow>(
  runtime: ServiceRuntime,
  exits: PlacementExits,
): Record<string, SagaStep<any, S, any>> {
  const reads = runtime.dataSource.manager;

  const route = async (ctx: Ctx<S>): Promise<Outcome<S>> => {
    const { context, placing } = ctx.state;
    if (placing.promiseId) return routeOnPromise(ctx);
    const policy = await routingPolicyFor(reads, context.channel);
    const listed = await ctx.call(ledger.listLocations, {});
    if (!listed.ok) return failWith(ctx.state, exits, listed.error);
    const candidates = await candidatesFor(
      ctx.call,
      reads,
      context,
      placing.lines,
      listed.value.locations,
    );
    if (!candidates.ok) return failWith(ctx.state, exits, candidates.error);
    for (const line of placing.cart?.lines ?? []) {
      // The adopted cart's units are the order's own: count them where they are held.
      const candidate = candidates.value.find((c) => c.code === line.location);
      if (!candidate) continue;
      const available = new Map(candidate.available);
      available.set(line.sku, (available.get(line.sku) ?? 0) + line.qty);
      candidate.available = available;
    }
    const input = routingInputFor(
      context,
      placing.lines,
      candidates.value,
      new Map(placing.excluded),
    );
    const plan = policy.strategy.route(input, policy.rules);
    const trigger = placing.attempt === 1 ? placing.trigger : 'retry_after_race';
    const decision = decisionOf(plan, 0, trigger, input);
    const chosen = new Set(plan.allocations.map((allocation) => allocation.location));
    const capacity = candidates.value.flatMap((c) =>
      chosen.has(c.code) && c.dailyCapacity !== undefined
        ? [{ location: c.code, dailyCapacity: c.dailyCapacity, timezone: c.timezone }]
        : [],
    );
    return {
      next: 'place.claim',
      state: withPlacing(ctx.state, {
        plan: { allocations: plan.allocations, backordered: plan.backordered, decision, capacity },
      }),
    };
  };

  /** A quote names the allocations that keep its window; there is no other plan to fall back on. */
  const routeOnPromise = async (ctx: Ctx<S>): Promise<Outcome<S>> => {
    const { context, placing } = ctx.state;
    const resolved = await ctx.call(promise.resolvePromise, {
      promiseId: placing.promiseId!,
      channel: context.channel,
      method: context.method,
      ...(context.pickupLocation ? { pickupLocation: context.pickupLocation } : {}),
      lines: placing.lines,
    });
    if (!resolved.ok) return failWith(ctx.state, exits, resolved.error);
    const allocations = resolved.value.allocations.filter((a) => a.lines.length > 0);
    return {
      next: 'place.claim',
      state: withPlacing(ctx.state, {
        plan: {
          allocations,
          backordered: [],
          // A promise was quoted against the locations' capacity already.
          capacity: [],
          decision: {
            placement: 0,
            trigger: 'promise',
            strategy: 'promise',
            rules: { promiseId: placing.promiseId, option: resolved.value.option },
            candidates: [],
            candidatesOmitted: 0,
            allocations,
            backordered: [],
            explanation: `placed where promise ${placing.promiseId} (${resolved.value.option}) said, so its window ${resolved.value.window.from}–${resolved.value.window.to} holds`,
            at: new Date().toISOString(),
          },
        },
      }),
    };
  };

  const claim = async (manager: EntityManager, ctx: Ctx<S>): Promise<Outcome<S>> => {
    const { context, placing } = ctx.state;
    const plan = placing.plan!;
    const placement = await nextPlacementNumber(manager, context.orderId);
    if (placement > routing.ROUTING_LIMITS.placements_max) return giveUpPlacing(ctx.state, exits);
    const decision = { ...plan.decision, placement };
    const decisions = [...placing.decisions, decision];
    if (plan.allocations.length === 0)
      return {
        next: placing.cart && !placing.cartUsed ? 'cart.release' : exits.placed,
        state: withPlacing(ctx.state, {
          decisions,
          placement,
          lastPlacement: placement,
          held: [],
          backordered: plan.backordered,
          dropCart: true,
        }),
      };
    const single = plan.allocations.length === 1 && plan.backordered.length === 0;
    if (placing.cart && !single) {
      // The cart cannot become one fulfilment: let it go and route its lines like any order's.
      return {
        next: 'cart.release',
        state: withPlacing(ctx.state, { decisions, lastPlacement: placement, dropCart: true }),
      };
    }
    const claimed: Placing['claimed'] = [];
    for (const limit of plan.capacity) {
      if (await claimCapacity(manager, limit.location, limit.dailyCapacity, limit.timezone)) {
        claimed.push({ location: limit.location, timezone: limit.timezone });
        continue;
      }
      // Full today: what this attempt took goes back, and the next one avoids the location.
      for (const taken of claimed) await giveBackCapacity(manager, taken.location, taken.timezone);
      return again(ctx.state, {
        decisions,
        lastPlacement: placement,
        excluded: [...placing.excluded, [limit.location, 'capacity_full_today']],
      });
    }
    return {
      next: placing.cart ? 'place.consolidate' : 'place.reserve',
      state: withPlacing(ctx.state, {
        decisions,
        placement,
        lastPlacement: placement,
        claimed,
        held: [],
      }),
    };
  };

  /** The next attempt, or the end of placement after the last. */
  const again = (state: S, changes: Partial<Placing>): Outcome<S> => {
    const next = withPlacing(state, {
      ...changes,
      attempt: state.placing.attempt + 1,
      plan: undefined,
      placement: undefined,
      claimed: [],
      held: [],
    });
    if (next.placing.attempt > PLACEMENT_ATTEMPTS_MAX) return giveUpPlacing(next, exits);
    return {
      next: next.placing.dropCart && next.placing.cart ? 'cart.release' : 'place.route',
      state: next,
    };
  };

  const reserve = async (ctx: Ctx<S>): Promise<Outcome<S>> => {
    const { context, placing } = ctx.state;
    const plan = placing.plan!;
    const placed: PlacedFulfilment[] = plan.allocations.map((allocation) => {
      const id = fulfilmentIdFor(context.orderId, placing.placement!, allocation.location);
      return {
        id,
        placement: placing.placement!,
        location: allocation.location,
        lines: allocation.lines,
        holdId: id,
        ...(allocation.shipTo ? { shipTo: allocation.shipTo } : {}),
      };
    });
    for (const fulfilment of placed) {
      const hold = await ctx.call(ledger.reserve, {
        id: fulfilment.holdId,
        channel: context.channel,
        lines: fulfilment.lines.map((line) => ({ ...line, location: fulfilment.location })),
        ttlSeconds: PLACING_HOLD_TTL_S,
        reference: orderReference(context.orderId),
        orderId: context.orderId,
      });
      // A replayed reply of a hold that ran out of time is a race lost, like a refusal.
      const usable = hold.ok && (hold.value.status === 'held' || hold.value.status === 'committed');
      if (usable) continue;
      const refusal = hold.ok
        ? new DomainError('INSUFFICIENT_STOCK', `hold ${fulfilment.holdId} is ${hold.value.status}`)
        : hold.error;
      const unwinding = withPlacing(ctx.state, { held: placed });
      if (placing.promiseId && RACE_CODES.has(refusal.code))
        return failWith(unwinding, exits, {
          code: 'PROMISE_UNAVAILABLE',
          message: `promise ${placing.promiseId} can no longer be kept: ${refusal.message}`,
          details: { reason: 'stock_moved' },
        });
      if (!RACE_CODES.has(refusal.code)) return failWith(unwinding, exits, refusal);
      return { next: 'place.unwind', state: unwinding };
    }
    return {
      next: exits.placed,
      state: withPlacing(ctx.state, { held: placed, backordered: plan.backordered }),
    };
  };

  /** The adopted cart moves to the one location the plan chose, and is that fulfilment's hold. */
  const consolidate = async (ctx: Ctx<S>): Promise<Outcome<S>> => {
    const { context, placing } = ctx.state;
    const allocation = placing.plan!.allocations[0]!;
    const cart = placing.cart!;
    for (const from of new Set(cart.lines.map((line) => line.location))) {
      if (from === allocation.location) continue;
      const moved = await ctx.call(ledger.moveHold, {
        id: cart.id,
        from,
        to: allocation.location,
        principal: { kind: 'order', orderId: context.orderId },
      });
      if (moved.ok) continue;
      if (!RACE_CODES.has(moved.error.code)) return failWith(ctx.state, exits, moved.error);
      return { next: 'place.unwind', state: withPlacing(ctx.state, { held: [], dropCart: true }) };
    }
    const fulfilment: PlacedFulfilment = {
      id: fulfilmentIdFor(context.orderId, placing.placement!, allocation.location),
      placement: placing.placement!,
      location: allocation.location,
      lines: allocation.lines,
      holdId: cart.id,
      ...(allocation.shipTo ? { shipTo: allocation.shipTo } : {}),
    };
    const decisions = placing.decisions.map((d) =>
      d.placement === placing.placement
        ? { ...d, explanation: `${d.explanation}; the cart hold moved there` }
        : d,
    );
    return {
      next: exits.placed,
      state: withPlacing(ctx.state, {
        held: [fulfilment],
        cartUsed: true,
        decisions,
        backordered: [],
      }),
    };
  };

  return {
    'place.route': { remote: route },
    'place.claim': { local: claim },
    'place.reserve': { remote: reserve },
    'place.consolidate': { remote: consolidate },
    /** A race lost: this attempt's holds go back (releasing a hold never made is a no-op). */
    'place.unwind': {
      attempts_max: Infinity,
      remote: async (ctx) => {
        const released = await releaseOrderHolds(
          ctx,
          ctx.state.placing.held
            .map((f) => f.holdId)
            .filter((id) => id !== ctx.state.placing.cart?.id),
        );
        return released ?? { next: 'place.unclaim' };
      },
    },
    'place.unclaim': {
      local: async (manager, ctx) => {
        for (const taken of ctx.state.placing.claimed)
          await giveBackCapacity(manager, taken.location, taken.timezone);
        return again(ctx.state, {});
      },
    },
    /** The adopted cart hold is let go; its lines are routed like any order's. */
    'cart.release': {
      attempts_max: Infinity,
      remote: async (ctx) => {
        const cart = ctx.state.placing.cart;
        const released = cart ? await releaseOrderHolds(ctx, [cart.id]) : undefined;
        if (released) return released;
        const placing = ctx.state.placing;
        const next = withPlacing(ctx.state, {
          cart: undefined,
          dropCart: false,
          trigger: 'cart_hold_released',
        });
        return { next: placing.backordered ? exits.placed : 'place.route', state: next };
      },
    },
  };
}

/**
 * Releases holds the order owns; one already gone (released, expired, never made) needs
 * nothing more. Answers a retry when the ledger cannot say yet.
 */
export async function releaseOrderHolds(
  ctx: Pick<SagaContext<unknown, { context: { orderId: string } }>, 'call' | 'state'>,
  holdIds: readonly string[],
): Promise<{ retry: string } | undefined> {
  const orderId = ctx.state.context.orderId;
  for (const id of holdIds) {
    const released = await ctx.call(ledger.release, {
      id,
      principal: { kind: 'order', orderId },
      reason: `order ${orderId} let it go`,
    });
    if (released.ok || GONE_CODES.has(released.error.code)) continue;
    return { retry: `release of ${id}: ${released.error.code}` };
  }
  return undefined;
}

/**
 * A release the ledger refuses because the hold is already gone, or not this order's to
 * give (another order's, a cart's): nothing of this order's is held there.
 */
const GONE_CODES = new Set([
  'HOLD_NOT_FOUND',
  'INVALID_TRANSITION',
  'HOLD_OWNED_BY_ORDER',
  'HOLD_OWNED_BY_CART',
]);
