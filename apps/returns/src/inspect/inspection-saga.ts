import {
  DomainError,
  ledger,
  returns,
  type RequestContract,
  type RequestOf,
  type TSchema,
} from '@omnistock/contracts';
import type { SagaContext, SagaDefinition, StepOutcome } from '@omnistock/service-kit';
import type { EntityManager } from 'typeorm';
import { defaultDispositionStrategy } from '../dispositions/disposition-strategy.js';
import { policyFor } from '../policies/return-policy.js';
import { answerWhy } from '../sagas/refusal.js';
import { announce, announceReturn } from '../store/announce.js';
import { returnReference } from '../store/ledger-ids.js';
import {
  insertPlannedMovements,
  movementsOf,
  recordMovementOutcomes,
  type MovementOutcome,
} from '../store/return-movements.js';
import { lockReturn, saveReturn } from '../store/return-store.js';
import {
  disposedBy,
  gradesForRemaining,
  movementsFor,
  overDisposed,
  unitsLeft,
  type PlannedMovement,
} from './disposition-plan.js';

export type InspectionInput = Omit<RequestOf<typeof returns.inspectReturn>, 'id'> & {
  returnId: string;
};

interface InspectionState {
  /** `settle`: movements an earlier generation planned and never saw answered, sent again. */
  phase?: 'settle' | 'dispose';
  movements?: PlannedMovement[];
  outcomes?: Record<string, MovementOutcome>;
}

type View = returns.ReturnViewType;
type Ctx = SagaContext<InspectionInput, InspectionState>;

const LEDGER_CALLS: Record<PlannedMovement['kind'], RequestContract<TSchema, TSchema>> = {
  'restock-return': ledger.restockReturn,
  quarantine: ledger.quarantineStock,
  'send-transfer': ledger.sendTransfer,
  'write-off': ledger.writeOff,
};

/**
 * Inspection as a saga, one per return (a failed one asked again is its next generation):
 * plan under the return's lock, move stock in the ledger under ids derived from the saga,
 * record what the ledger applied under the lock again, and close once every unit is
 * disposed of. Every planned movement is on record before it is sent, and a unit is
 * planned only while no movement of any generation has it, so none is disposed of twice;
 * units a refused or abandoned attempt did not move take the grades of the next one.
 */
export const inspectionSaga: SagaDefinition<InspectionInput, InspectionState, View> = {
  kind: 'return.inspect',
  first: 'plan',
  initialState: () => ({}),
  steps: {
    plan: { local: plan },
    // Past the point of no return: movements are on record, so each must get its answer.
    move: { attempts_max: Infinity, remote: move },
    record: { attempts_max: Infinity, local: record },
  },
  // Planning gives up having sent nothing; what was planned is settled by the next generation.
  onGiveUp: answerWhy,
};

async function plan(manager: EntityManager, ctx: Ctx): Promise<StepOutcome<InspectionState, View>> {
  const locked = await lockReturn(manager, ctx.input.returnId);
  if (!locked.ok) return { failed: locked.error };
  const before = locked.value;
  if (before.status !== 'received')
    return {
      failed: new DomainError('INVALID_TRANSITION', `return ${before.id} is ${before.status}`, {
        from: before.status,
      }),
    };
  const unanswered = (await movementsOf(manager, before.id)).filter((m) => m.status === 'planned');
  if (unanswered.length > 0) {
    const settling = new Set(unanswered.map((movement) => movement.id));
    const movements = unanswered.map(({ status: _status, ...movement }) => ({
      ...movement,
      // An intake answered before (a follow-on is only left behind with its intake) is applied.
      follows: movement.follows && settling.has(movement.follows) ? movement.follows : null,
    }));
    return { next: 'move', state: { phase: 'settle', movements } };
  }
  const remaining = gradesForRemaining(before.received, before.dispositions, ctx.input.lines);
  if (remaining.length === 0) return { done: await close(manager, before, ctx.input.actor) };
  const policy = await policyFor(manager, before.channel);
  const receivedAt = before.location!;
  const context = { reference: returnReference(before.id), actor: ctx.input.actor };
  const movements = remaining.flatMap((line, index) => {
    const decision = defaultDispositionStrategy.decide(line.grade, policy, receivedAt);
    return movementsFor(
      { ...line, ...decision },
      receivedAt,
      { intake: ctx.stepId(`line-${index}`), followOn: ctx.stepId(`line-${index}-on`) },
      context,
    );
  });
  const twice = overDisposed(before.received, before.dispositions, movements);
  if (twice.length > 0)
    return {
      failed: new DomainError(
        'INTERNAL',
        `inspection of ${before.id} would dispose of ${twice} twice`,
      ),
    };
  await insertPlannedMovements(manager, before.id, ctx.generation, movements);
  return { next: 'move', state: { phase: 'dispose', movements } };
}

async function move(ctx: Ctx): Promise<StepOutcome<InspectionState, View>> {
  const outcomes: Record<string, MovementOutcome> = {};
  for (const movement of ctx.state.movements!) {
    if (movement.follows && outcomes[movement.follows]?.status !== 'applied') {
      outcomes[movement.id] = {
        status: 'refused',
        error: { code: 'NOT_SENT', message: 'its intake was refused' },
      };
      continue;
    }
    // Unavailability ends the step as a retry; the ledger replays what this attempt applied.
    const reply = await ctx.call(LEDGER_CALLS[movement.kind], movement.request);
    outcomes[movement.id] = reply.ok
      ? { status: 'applied' }
      : { status: 'refused', error: { code: reply.error.code, message: reply.error.message } };
  }
  return { next: 'record', state: { ...ctx.state, outcomes } };
}

async function record(
  manager: EntityManager,
  ctx: Ctx,
): Promise<StepOutcome<InspectionState, View>> {
  const locked = await lockReturn(manager, ctx.input.returnId);
  if (!locked.ok) return { failed: locked.error };
  const before = locked.value;
  const { movements, outcomes } = ctx.state as Required<InspectionState>;
  await recordMovementOutcomes(manager, outcomes);
  const disposed = disposedBy(movements, (id) => outcomes[id]?.status ?? 'planned');
  const after: View = { ...before, dispositions: [...before.dispositions, ...disposed] };
  await saveReturn(manager, before, after, ctx.input.actor);
  if (ctx.state.phase === 'settle') return { next: 'plan', state: {} };
  const left = [...unitsLeft(after.received, after.dispositions).values()].reduce(
    (a, b) => a + b,
    0,
  );
  if (left === 0) return { done: await close(manager, after, ctx.input.actor) };
  return { failed: refusedAfter(after, movements, outcomes, left) };
}

/** Every unit disposed of: inspected, the refund falls due, closed. */
async function close(manager: EntityManager, before: View, actor: string | undefined) {
  const inspected: View = { ...before, status: 'inspected' };
  await saveReturn(manager, before, inspected, actor);
  await announceReturn(manager, inspected);
  await announce(
    manager,
    returns.refundDue,
    { returnId: inspected.id, orderId: inspected.orderId, lines: refundLines(inspected) },
    `refund:${inspected.id}`,
  );
  const closed: View = { ...inspected, status: 'closed' };
  await saveReturn(manager, inspected, closed, actor);
  await announceReturn(manager, closed);
  return closed;
}

/**
 * The ledger refused some units: those disposed of stay so, the return stays received, and
 * the answer says what was refused and why, so the desk can grade again.
 */
function refusedAfter(
  view: View,
  movements: readonly PlannedMovement[],
  outcomes: Record<string, MovementOutcome>,
  left: number,
): DomainError {
  const refused = movements.flatMap((movement) => {
    const error = outcomes[movement.id]?.error;
    return movement.disposition && error ? [{ ...movement.disposition, ...error }] : [];
  });
  const first = refused[0]!;
  return new DomainError(
    first.code as DomainError['code'],
    `return ${view.id}: ${left} unit(s) not disposed of (${first.sku} ${first.disposition}: ${first.message}); the rest are; inspect again to grade them`,
    { refused, dispositions: view.dispositions },
  );
}

function refundLines(view: View) {
  const reasons = new Map(view.lines.map((line) => [line.sku, line.reason]));
  return view.received.map((line) => ({
    sku: line.sku,
    qty: line.qty,
    reason: reasons.get(line.sku) ?? ('other' as const),
  }));
}
