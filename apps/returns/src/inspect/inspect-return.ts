import { fail, ledger, ok, returns, type RequestOf, type Result } from '@omnistock/contracts';
import { runCommand, callService, type ServiceRuntime } from '@omnistock/service-kit';
import {
  defaultDispositionStrategy,
  type DispositionStrategy,
} from '../dispositions/disposition-strategy.js';
import { checkReturnTransition } from '../lifecycle/return-lifecycle.js';
import { policyFor } from '../policies/return-policy.js';
import { sumBySku } from '../receive/receive-return.js';
import { announce, announceReturn } from '../store/announce.js';
import { ledgerMovementId, returnReference } from '../store/ledger-ids.js';
import { lockReturn, readReturn, saveReturn } from '../store/return-store.js';

type Request = RequestOf<typeof returns.inspectReturn>;
type Line = { sku: string; qty: number };

/**
 * Grade every received unit, move each to where its grade sends it, and close. Stock moves
 * first, in the ledger, under ids derived from the return: a retry after a failure halfway
 * replays the moves already made, so nothing is restocked twice. Only then does the return
 * record its dispositions, the refund fall due and the return close.
 */
export async function inspectReturn(
  runtime: ServiceRuntime,
  request: Request,
  strategy: DispositionStrategy = defaultDispositionStrategy,
): Promise<Result<returns.ReturnViewType>> {
  const current = await readReturn(runtime.dataSource.manager, request.id);
  if (!current.ok) return current;
  if (current.value.status === 'inspected' || current.value.status === 'closed') {
    return sameGrades(current.value, request)
      ? ok(current.value)
      : fail('INVALID_TRANSITION', `return ${request.id} was already inspected`, {
          from: current.value.status,
        });
  }
  const step = checkReturnTransition(request.id, current.value.status, 'inspected');
  if (!step.ok) return step;
  const received = sumBySku(current.value.received);
  const graded = sumBySku(request.lines);
  const mismatch = [...new Set([...received.keys(), ...graded.keys()])].filter(
    (sku) => received.get(sku) !== graded.get(sku),
  );
  if (mismatch.length > 0) {
    return fail('VALIDATION_FAILED', 'grade every received unit, no more and no fewer', {
      lines: mismatch.map((sku) => ({
        sku,
        received: received.get(sku) ?? 0,
        graded: graded.get(sku) ?? 0,
      })),
    });
  }
  const location = current.value.location!;
  const policy = await policyFor(runtime.dataSource.manager, current.value.channel);
  const dispositions = request.lines.map((line) => {
    const decision = strategy.decide(line.grade, policy, location);
    return { ...line, disposition: decision.disposition, location: decision.location };
  });
  const moved = await moveStock(runtime, request.id, location, dispositions);
  if (!moved.ok) return moved;
  return runCommand(runtime.dataSource, async (manager) => {
    const locked = await lockReturn(manager, request.id);
    if (!locked.ok) return locked;
    if (locked.value.status !== 'received') return ok(locked.value);
    const inspected: returns.ReturnViewType = {
      ...locked.value,
      status: 'inspected',
      dispositions,
    };
    await saveReturn(manager, locked.value, inspected, request.actor);
    await announceReturn(manager, inspected);
    await announce(
      manager,
      returns.refundDue,
      { returnId: inspected.id, orderId: inspected.orderId, lines: refundLines(inspected) },
      `refund:${inspected.id}`,
    );
    const closed: returns.ReturnViewType = { ...inspected, status: 'closed' };
    await saveReturn(manager, inspected, closed, request.actor);
    await announceReturn(manager, closed);
    return ok(closed);
  });
}

/** Each disposition is a ledger movement with the return as its reference. */
async function moveStock(
  runtime: ServiceRuntime,
  returnId: string,
  location: string,
  dispositions: {
    sku: string;
    qty: number;
    grade: string;
    disposition: returns.Disposition;
    location: string;
  }[],
): Promise<Result<void>> {
  const reference = returnReference(returnId);
  const linesOf = (disposition: returns.Disposition): Line[] =>
    [...sumBySku(dispositions.filter((d) => d.disposition === disposition))].map(([sku, qty]) => ({
      sku,
      qty,
    }));
  const restock = [...linesOf('restock'), ...linesOf('transfer')];
  const transfers = dispositions.filter((d) => d.disposition === 'transfer');
  const quarantine = linesOf('quarantine');
  const writeOff = linesOf('write_off');
  const steps: (() => Promise<Result<unknown>>)[] = [];
  if (restock.length > 0) {
    steps.push(() =>
      callService(runtime, ledger.restockReturn, {
        id: ledgerMovementId(returnId, 'restock'),
        location,
        lines: restock,
        reference,
      }),
    );
  }
  for (const destination of new Set(transfers.map((t) => t.location))) {
    // Back on the receiving shelf first, then out to where the channel keeps them.
    const lines = [...sumBySku(transfers.filter((t) => t.location === destination))].map(
      ([sku, qty]) => ({ sku, qty }),
    );
    steps.push(() =>
      callService(runtime, ledger.sendTransfer, {
        id: ledgerMovementId(returnId, `transfer-${destination}`),
        from: location,
        to: destination,
        lines,
      }),
    );
  }
  if (quarantine.length > 0) {
    steps.push(() =>
      callService(runtime, ledger.quarantineStock, {
        id: ledgerMovementId(returnId, 'quarantine'),
        location,
        from: 'customer',
        lines: quarantine,
        reason: 'returned, not resellable',
        reference,
      }),
    );
  }
  if (writeOff.length > 0) {
    // Through quarantine and out: the ledger shows the unit arrived and where it went.
    steps.push(() =>
      callService(runtime, ledger.quarantineStock, {
        id: ledgerMovementId(returnId, 'write-off-in'),
        location,
        from: 'customer',
        lines: writeOff,
        reason: 'returned defective',
        reference,
      }),
    );
    steps.push(() =>
      callService(runtime, ledger.writeOff, {
        id: ledgerMovementId(returnId, 'write-off'),
        location,
        bucket: 'quarantine',
        lines: writeOff,
        reason: `returned defective (${reference})`,
      }),
    );
  }
  for (const step of steps) {
    const result = await step();
    if (!result.ok) return result;
  }
  return ok(undefined);
}

function refundLines(view: returns.ReturnViewType) {
  const reasons = new Map(view.lines.map((line) => [line.sku, line.reason]));
  return view.received.map((line) => ({
    sku: line.sku,
    qty: line.qty,
    reason: reasons.get(line.sku) ?? ('other' as const),
  }));
}

function sameGrades(view: returns.ReturnViewType, request: Request): boolean {
  const key = (lines: readonly { sku: string; qty: number; grade: string }[]) =>
    lines
      .map((l) => `${l.sku}|${l.grade}|${l.qty}`)
      .sort()
      .join(',');
  return key(view.dispositions) === key(request.lines);
}
