import type { Journal } from '../actors/journal.js';
import { expectedEffect, JOURNAL_KIND_BY_PREFIX, splitCommandId } from './expected-effects.js';
import type { LedgerSnapshot } from './ledger-snapshot.js';
import type { Violation } from './violation.js';

/** One SKU's books: where units came from and went, against where they are. */
export interface SkuBooks {
  sku: string;
  receipts: number;
  adjustments: number;
  counts: number;
  writtenOff: number;
  shipped: number;
  /** Units back from customers: restocked or quarantined by returns. */
  returned: number;
  expected: number;
  onHand: number;
  inTransit: number;
  quarantine: number;
}

/**
 * Units conserved per SKU, as a bank balances its books: receipts − shipped − written off
 * ± counts and adjustments + returned = on hand + in transit + quarantine. The left side
 * comes from what the actors sent (for each command the ledger applied) and from the
 * holds that left; the right from the positions. Transfers and holds move units between
 * buckets and locations and must cancel out.
 */
export function checkConservation(
  journal: Journal,
  ledger: LedgerSnapshot,
  /** Units that came back from customers or left for good in workflows no actor journaled (returns). */
  workflowMovements: { sku: string; returned: number; writtenOff: number }[] = [],
): { books: SkuBooks[]; violations: Violation[] } {
  const books = new Map<string, SkuBooks>();
  const book = (sku: string) => {
    let b = books.get(sku);
    if (!b) {
      b = {
        sku,
        receipts: 0,
        adjustments: 0,
        counts: 0,
        writtenOff: 0,
        shipped: 0,
        returned: 0,
        expected: 0,
        onHand: 0,
        inTransit: 0,
        quarantine: 0,
      };
      books.set(sku, b);
    }
    return b;
  };
  const applied = new Set(ledger.entries.map((entry) => entry.command_id));
  const byId = new Map(journal.entries.map((entry) => [`${entry.kind}:${entry.id}`, entry]));
  for (const commandId of applied) {
    const { prefix, id } = splitCommandId(commandId);
    const kind = JOURNAL_KIND_BY_PREFIX[prefix];
    const command = kind ? byId.get(`${kind}:${id}`) : undefined;
    if (!command || kind === 'count' || kind === 'reserve') continue;
    const effect = expectedEffect(command, ledger.transfers);
    for (const [position, delta] of effect ?? []) {
      const units = delta.onHand + delta.inTransit + delta.quarantine;
      const b = book(position.split('@')[0]!);
      if (kind === 'receipt') b.receipts += units;
      else if (kind === 'adjustment') b.adjustments += units;
      else if (kind === 'write_off') b.writtenOff -= units;
    }
  }
  // Counts are absolute: what they changed is the ledger's to say (and checked against what was counted).
  for (const entry of ledger.entries) {
    if (entry.kind === 'count') book(entry.sku).counts += entry.d_on_hand;
  }
  for (const hold of ledger.holds.values()) {
    if (hold.status !== 'fulfilled') continue;
    if (!applied.has(`fulfilled:${hold.id}`)) continue;
    for (const line of hold.lines) book(line.sku).shipped += line.qty;
  }
  for (const movement of workflowMovements) {
    book(movement.sku).returned += movement.returned;
    book(movement.sku).writtenOff += movement.writtenOff;
  }
  for (const position of ledger.positions) {
    const b = book(position.sku);
    b.onHand += position.on_hand;
    b.inTransit += position.in_transit;
    b.quarantine += position.quarantine;
  }
  const violations: Violation[] = [];
  for (const b of books.values()) {
    b.expected = b.receipts + b.adjustments + b.counts - b.writtenOff - b.shipped + b.returned;
    const found = b.onHand + b.inTransit + b.quarantine;
    if (found !== b.expected)
      violations.push({
        check: 'units-not-conserved',
        message: `${b.sku}: receipts ${b.receipts} − shipped ${b.shipped} − written off ${b.writtenOff} ± counts ${b.counts} ± adjustments ${b.adjustments} + returned ${b.returned} = ${b.expected}, but on hand ${b.onHand} + in transit ${b.inTransit} + quarantine ${b.quarantine} = ${found}`,
        details: { ...b },
      });
  }
  return { books: [...books.values()].sort((a, b) => a.sku.localeCompare(b.sku)), violations };
}
