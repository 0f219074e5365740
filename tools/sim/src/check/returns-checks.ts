import type pg from 'pg';
import type { Journal } from '../actors/journal.js';
import type { LedgerExplainer } from './ledger-checks.js';
import type { EntryRow, LedgerSnapshot } from './ledger-snapshot.js';
import type { Violation } from './violation.js';

export interface ReturnRow {
  id: string;
  status: string;
}

/** The returns service's records (ids and statuses only: the checker leans on the journal and the ledger). */
export async function readReturns(db: pg.Client): Promise<Map<string, ReturnRow>> {
  const rows = await db.query<ReturnRow>('SELECT id, status FROM returns.returns');
  return new Map(rows.rows.map((row) => [row.id, row]));
}

const referenceOf = (returnId: string) => `return:${returnId}`;

/** The return a ledger entry was made for: named by its reference, or (a write-off) in its reason. */
function returnOf(entry: EntryRow, returnIds: Set<string>): string | undefined {
  const named = entry.reference?.startsWith('return:') ? entry.reference.slice(7) : undefined;
  if (named && returnIds.has(named)) return named;
  const inReason = /return:([A-Za-z0-9._:-]+)/.exec(entry.reason ?? '')?.[1];
  return inReason && returnIds.has(inReason) ? inReason : undefined;
}

/** Units that came in from a customer in this entry (restocked, or into quarantine from outside). */
function unitsIn(entry: EntryRow): number {
  if (entry.kind === 'return_restock') return entry.d_on_hand;
  if (entry.kind === 'quarantine_in' && entry.d_on_hand === 0) return entry.d_quarantine;
  return 0;
}

export interface ReturnMovements {
  explainer: LedgerExplainer;
  /** Per SKU, for the books: units back from customers and written off on the way. */
  movements: { sku: string; returned: number; writtenOff: number }[];
}

/** Ledger commands the returns service sends for a return an actor authorised. */
export function returnMovements(journal: Journal, ledger: LedgerSnapshot): ReturnMovements {
  const returnIds = new Set(journal.of('return').map((c) => c.id));
  const explained = new Set<string>();
  const bySku = new Map<string, { sku: string; returned: number; writtenOff: number }>();
  for (const entry of ledger.entries) {
    if (!returnOf(entry, returnIds)) continue;
    explained.add(entry.command_id);
    const book = bySku.get(entry.sku) ?? { sku: entry.sku, returned: 0, writtenOff: 0 };
    book.returned += unitsIn(entry);
    if (entry.kind === 'write_off') book.writtenOff -= entry.d_on_hand + entry.d_quarantine;
    bySku.set(entry.sku, book);
  }
  return {
    explainer: { explains: (commandId) => explained.has(commandId) },
    movements: [...bySku.values()],
  };
}

/**
 * Returns against the journal and the ledger: an acknowledged return is recorded and a
 * refused one is not; no returned unit comes back into stock more often than it was
 * received (one disposition per unit, ever, whatever two desks send at once); and an
 * acknowledged inspection disposed of every unit received.
 */
export function checkReturns(
  journal: Journal,
  ledger: LedgerSnapshot,
  records: Map<string, ReturnRow>,
): Violation[] {
  const violations: Violation[] = [];
  const returnIds = new Set(journal.of('return').map((c) => c.id));
  for (const command of journal.of('return')) {
    if (command.outcome === 'ok' && !records.has(command.id))
      violations.push({
        check: 'acknowledged-lost',
        message: `return ${command.id} was acknowledged but the returns service has no such return`,
      });
    if (command.outcome === 'refused' && records.has(command.id))
      violations.push({
        check: 'refusal-changed-something',
        message: `return ${command.id} was refused (${command.code}) but the returns service recorded it`,
      });
  }
  const disposed = new Map<string, Map<string, number>>();
  for (const entry of ledger.entries) {
    const returnId = returnOf(entry, returnIds);
    const units = unitsIn(entry);
    if (!returnId || units === 0) continue;
    const bySku = disposed.get(returnId) ?? new Map<string, number>();
    bySku.set(entry.sku, (bySku.get(entry.sku) ?? 0) + units);
    disposed.set(returnId, bySku);
  }
  const received = new Map<string, Map<string, number>>();
  for (const command of journal.of('receive_return')) {
    if (command.outcome === 'refused') continue;
    const bySku = new Map<string, number>();
    for (const line of (command.payload as any).lines as { sku: string; qty: number }[])
      bySku.set(line.sku, (bySku.get(line.sku) ?? 0) + line.qty);
    received.set(command.id, bySku);
  }
  for (const [returnId, bySku] of disposed) {
    for (const [sku, units] of bySku) {
      const got = received.get(returnId)?.get(sku) ?? 0;
      if (units > got)
        violations.push({
          check: 'returned-twice',
          message: `return ${returnId}: ${units} units of ${sku} came back into stock but ${got} were received`,
          details: {
            inspections: journal
              .of('inspect')
              .filter((c) => c.id === returnId)
              .map((c) => ({ outcome: c.outcome, lines: (c.payload as any).lines })),
            entries: ledger.entries
              .filter((e) => e.reference === referenceOf(returnId) && e.sku === sku)
              .map((e) => `${e.command_id} ${e.kind} +${unitsIn(e)}`),
          },
        });
    }
  }
  // Fewer units disposed of than received, after an acknowledged inspection: some were lost
  // (more than received is `returned-twice`, above).
  const inspected = new Set(
    journal
      .of('inspect')
      .filter((c) => c.outcome === 'ok')
      .map((c) => c.id),
  );
  for (const returnId of inspected) {
    for (const [sku, qty] of received.get(returnId) ?? []) {
      const units = disposed.get(returnId)?.get(sku) ?? 0;
      if (units < qty)
        violations.push({
          check: 'acknowledged-lost',
          message: `inspection of return ${returnId} was acknowledged but only ${units} of the ${qty} received ${sku} were disposed of`,
        });
    }
  }
  return violations;
}
