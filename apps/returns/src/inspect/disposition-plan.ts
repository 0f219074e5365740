import type { ledger, RequestOf, returns } from '@omnistock/contracts';
import { sumBySku } from '../store/units.js';

type Line = { sku: string; qty: number };
export type GradedLine = { sku: string; qty: number; grade: returns.Grade };
export type DispositionLine = returns.ReturnViewType['dispositions'][number];

/**
 * The ledger calls an inspection makes. An intake takes units from the customer onto the
 * books (shelf or quarantine): each unit has exactly one, ever. A follow-on moves units
 * already on the books on (a transfer, a write-off), and runs only after its intake.
 */
export type PlannedMovement = {
  id: string;
  disposition: DispositionLine | null;
  follows: string | null;
} & (
  | { kind: 'restock-return'; request: RequestOf<typeof ledger.restockReturn> }
  | { kind: 'quarantine'; request: RequestOf<typeof ledger.quarantineStock> }
  | { kind: 'send-transfer'; request: RequestOf<typeof ledger.sendTransfer> }
  | { kind: 'write-off'; request: RequestOf<typeof ledger.writeOff> }
);

export type MovementStatus = 'planned' | 'applied' | 'refused';

/** Units received and not yet disposed of, per SKU. */
export function unitsLeft(
  received: readonly Line[],
  disposed: readonly Line[],
): Map<string, number> {
  const left = sumBySku(received);
  for (const line of disposed) left.set(line.sku, (left.get(line.sku) ?? 0) - line.qty);
  return left;
}

/**
 * The grades the units not yet disposed of take. Units an earlier attempt disposed of keep
 * their disposition. The request grades every received unit, so its lines are first
 * matched against those already disposed of (a retry with the same grades picks the same
 * remainder); the rest of each SKU's units take the request's other grades, in order.
 */
export function gradesForRemaining(
  received: readonly Line[],
  disposed: readonly DispositionLine[],
  graded: readonly GradedLine[],
): GradedLine[] {
  const left = unitsLeft(received, disposed);
  const pool = graded.map((line) => ({ ...line }));
  for (const done of disposed) {
    let unmatched = done.qty;
    for (const line of pool) {
      if (unmatched === 0) break;
      if (line.sku !== done.sku || line.grade !== done.grade) continue;
      const matched = Math.min(unmatched, line.qty);
      line.qty -= matched;
      unmatched -= matched;
    }
  }
  const remaining: GradedLine[] = [];
  for (const line of pool) {
    const qty = Math.min(left.get(line.sku) ?? 0, line.qty);
    if (qty <= 0) continue;
    remaining.push({ sku: line.sku, qty, grade: line.grade });
    left.set(line.sku, left.get(line.sku)! - qty);
  }
  return remaining;
}

/** The ledger movements that carry one disposition line out, intake first. */
export function movementsFor(
  line: DispositionLine,
  receivedAt: string,
  ids: { intake: string; followOn: string },
  context: { reference: string; actor?: string },
): PlannedMovement[] {
  const lines = [{ sku: line.sku, qty: line.qty }];
  const { reference, actor } = context;
  const base = { id: ids.intake, location: receivedAt, lines, actor };
  const intake = { id: ids.intake, disposition: line, follows: null };
  const followOn = { id: ids.followOn, disposition: null, follows: ids.intake };
  const restock: PlannedMovement = {
    ...intake,
    kind: 'restock-return',
    request: { ...base, reference },
  };
  const quarantine = (reason: string): PlannedMovement => ({
    ...intake,
    kind: 'quarantine',
    request: { ...base, from: 'customer', reason, reference },
  });
  switch (line.disposition) {
    case 'restock':
      return [restock];
    case 'transfer':
      // Back on the receiving shelf first, then out to where the channel keeps them.
      return [
        restock,
        {
          ...followOn,
          kind: 'send-transfer',
          request: { id: ids.followOn, from: receivedAt, to: line.location, lines, actor },
        },
      ];
    case 'quarantine':
      return [quarantine('returned, not resellable')];
    case 'write_off':
      // Through quarantine and out: the ledger shows the unit arrived and where it went.
      return [
        quarantine('returned defective'),
        {
          ...followOn,
          kind: 'write-off',
          request: {
            ...base,
            id: ids.followOn,
            bucket: 'quarantine',
            reason: `returned defective (${reference})`,
          },
        },
      ];
  }
}

/**
 * Where the units of applied intakes went. A follow-on the ledger refused leaves its units
 * where the intake put them, and that is what is recorded: the truth, not the plan.
 */
export function disposedBy(
  movements: readonly PlannedMovement[],
  statusOf: (id: string) => MovementStatus,
): DispositionLine[] {
  const disposed: DispositionLine[] = [];
  for (const intake of movements) {
    if (!intake.disposition || statusOf(intake.id) !== 'applied') continue;
    const followOn = movements.find((movement) => movement.follows === intake.id);
    if (!followOn || statusOf(followOn.id) === 'applied') {
      disposed.push(intake.disposition);
      continue;
    }
    const receivedAt =
      'location' in intake.request ? intake.request.location : intake.disposition.location;
    disposed.push({
      ...intake.disposition,
      disposition: intake.kind === 'restock-return' ? 'restock' : 'quarantine',
      location: receivedAt,
    });
  }
  return disposed;
}

/** SKUs whose units would be disposed of more than once: a bug, never a state to commit. */
export function overDisposed(
  received: readonly Line[],
  disposed: readonly Line[],
  planned: readonly PlannedMovement[],
): string[] {
  const left = unitsLeft(received, [
    ...disposed,
    ...planned.flatMap((movement) => (movement.disposition ? [movement.disposition] : [])),
  ]);
  return [...left].filter(([, qty]) => qty < 0).map(([sku]) => sku);
}
