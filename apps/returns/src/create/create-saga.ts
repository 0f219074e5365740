import {
  DomainError,
  ledger,
  ok,
  routing,
  type ErrorBody,
  type RequestOf,
  type Result,
  type returns,
} from '@omnistock/contracts';
import type { SagaContext, SagaDefinition, StepOutcome } from '@omnistock/service-kit';
import type { EntityManager } from 'typeorm';
import { releaseExchangeHold } from '../exchange/release-exchange.js';
import { policyFor, type ReturnPolicy } from '../policies/return-policy.js';
import { errorOf, refusalOf } from '../sagas/refusal.js';
import { announceReturn } from '../store/announce.js';
import { insertReturn, unitsAlreadyReturned } from '../store/return-store.js';
import { checkEligibility, type OrderFacts } from './eligibility.js';
import { chooseExchangeLocation, holdExchange } from './hold-exchange.js';

type Input = RequestOf<typeof returns.createReturn>;
type View = returns.ReturnViewType;

interface CreateState {
  /** What eligibility needs of the order, not all of it: the order may be large. */
  order?: OrderFacts;
  /** Set once a location is chosen: from then on a hold may stand, and a refusal releases it. */
  exchange?: { holdId: string; lines: ledger.HoldLineType[] };
  refusal?: ErrorBody;
}

type Ctx = SagaContext<Input, CreateState>;

/** Units of the order already in other returns, the channel's window, and the verdict. */
async function eligibilityOf(
  manager: EntityManager,
  input: Input,
  order: OrderFacts,
): Promise<Result<ReturnPolicy>> {
  const policy = await policyFor(manager, order.channel);
  const already = await unitsAlreadyReturned(manager, input.orderId);
  const eligible = checkEligibility(order, input.lines, already, policy.windowDays, Date.now());
  return eligible.ok ? ok(policy) : eligible;
}

/** Refused after the exchange was (maybe) held: give it back first, then answer. */
const refuseHolding = (ctx: Ctx, refusal: ErrorBody): StepOutcome<CreateState, View> =>
  ctx.state.exchange
    ? { next: 'release', state: { ...ctx.state, refusal } }
    : { failed: errorOf(refusal) };

/**
 * Authorise a return against what the order really shipped; with an exchange, hold the
 * replacement first. The hold is made for the exchange order (it owns it from the start),
 * the return is recorded after it in one local step, and a refusal at that step — another
 * desk took the units meanwhile — releases the hold before answering: a refused create
 * leaves no return and nothing held, and a crash anywhere in between is resumed by the
 * worker to one of those two ends.
 */
export const createReturnSaga: SagaDefinition<Input, CreateState, View> = {
  kind: 'return.create',
  first: 'order',
  initialState: () => ({}),
  steps: {
    order: {
      remote: async (ctx) => {
        const found = await ctx.call(routing.getOrder, { id: ctx.input.orderId });
        if (!found.ok) return { failed: found.error };
        const { id, channel, fulfilments } = found.value;
        const order: OrderFacts = {
          id,
          channel,
          fulfilments: fulfilments.map(({ status, lines, updatedAt }) => ({
            status,
            lines,
            updatedAt,
          })),
        };
        return { next: ctx.input.exchange ? 'check' : 'authorise', state: { order } };
      },
    },
    // Before holding anything: a return that cannot be authorised holds nothing, ever.
    check: {
      local: async (manager, ctx) => {
        const eligible = await eligibilityOf(manager, ctx.input, ctx.state.order!);
        return eligible.ok ? { next: 'choose' } : { failed: eligible.error };
      },
    },
    choose: {
      remote: async (ctx) => {
        const lines = ctx.input.exchange!.lines;
        const channel = ctx.state.order!.channel;
        const skus = [...new Set(lines.map((line) => line.sku))];
        const availability = await ctx.call(ledger.availability, { channel, skus });
        if (!availability.ok) return { failed: availability.error };
        const location = chooseExchangeLocation(availability.value, lines);
        if (!location.ok) return { failed: location.error };
        const holdLines = lines.map(({ sku, qty }) => ({ sku, location: location.value, qty }));
        return {
          next: 'hold',
          state: {
            ...ctx.state,
            exchange: { holdId: ctx.stepId('exchange-hold'), lines: holdLines },
          },
        };
      },
    },
    hold: {
      remote: async (ctx) => {
        const exchange = ctx.state.exchange!;
        const held = await holdExchange(ctx, {
          returnId: ctx.input.id,
          holdId: exchange.holdId,
          channel: ctx.state.order!.channel,
          lines: exchange.lines,
        });
        if (held.ok) return { next: 'authorise' };
        if (!held.holdMayStand) return { failed: held.error };
        return refuseHolding(ctx, refusalOf(held.error));
      },
    },
    authorise: {
      local: async (manager, ctx) => {
        const input = ctx.input;
        // Returns of one order queue here, so two desks submitting the same units authorise them once.
        await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 1))', [
          `order:${input.orderId}`,
        ]);
        const taken = await manager.query('SELECT 1 FROM returns WHERE id = $1', [input.id]);
        if (taken.length > 0)
          return refuseHolding(
            ctx,
            refusalOf(new DomainError('IDEMPOTENCY_CONFLICT', `return ${input.id} exists`)),
          );
        const eligible = await eligibilityOf(manager, input, ctx.state.order!);
        if (!eligible.ok) return refuseHolding(ctx, refusalOf(eligible.error));
        const exchange = ctx.state.exchange;
        const view = await insertReturn(
          manager,
          {
            id: input.id,
            orderId: input.orderId,
            channel: ctx.state.order!.channel,
            lines: input.lines,
            location: null,
            received: [],
            dispositions: [],
            exchange: exchange
              ? { holdId: exchange.holdId, lines: exchange.lines, status: 'held', orderId: null }
              : null,
          },
          eligible.value.receiveWithinDays,
          input.actor,
        );
        await announceReturn(manager, view);
        return { done: view };
      },
    },
    // Compensation: durable, retried until the ledger answers, then the refusal is the reply.
    release: {
      attempts_max: Infinity,
      remote: async (ctx) => {
        const released = await releaseExchangeHold(
          ctx,
          ctx.input.id,
          ctx.state.exchange!.holdId,
          `return ${ctx.input.id} not authorised`,
        );
        if (!released.ok) return { failed: released.error };
        return { failed: errorOf(ctx.state.refusal!) };
      },
    },
  },
  onGiveUp: (ctx, _step, failure) => refuseHolding(ctx, refusalOf(failure)),
};
