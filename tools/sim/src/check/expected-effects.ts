import type { JournalEntry } from '../actors/journal.js';
import { addDelta, type Deltas } from './deltas.js';
import type { HoldRow, TransferRow } from './ledger-snapshot.js';

type Line = { sku: string; qty: number };

/**
 * What a journaled command must have done to the ledger, from what the actor sent: the
 * independent side of every comparison. Counts are absolute and checked apart (`counted`).
 */
export function expectedEffect(
  command: JournalEntry,
  transfers: Map<string, TransferRow>,
): Deltas | undefined {
  const p = command.payload as any;
  const deltas: Deltas = new Map();
  const each = (lines: Line[], location: string, change: (qty: number) => object) => {
    for (const line of lines) addDelta(deltas, line.sku, location, change(line.qty));
  };
  switch (command.kind) {
    case 'receipt':
      each(p.lines, p.location, (qty) => ({ onHand: qty }));
      return deltas;
    case 'adjustment':
      for (const line of p.lines as { sku: string; delta: number }[])
        addDelta(deltas, line.sku, p.location, { onHand: line.delta });
      return deltas;
    case 'write_off':
      each(p.lines, p.location, (qty) =>
        p.bucket === 'on_hand' ? { onHand: -qty } : { quarantine: -qty },
      );
      return deltas;
    case 'quarantine_in':
      each(p.lines, p.location, (qty) =>
        p.from === 'on_hand' ? { onHand: -qty, quarantine: qty } : { quarantine: qty },
      );
      return deltas;
    case 'quarantine_out':
      each(p.lines, p.location, (qty) => ({ quarantine: -qty, onHand: qty }));
      return deltas;
    case 'transfer_out':
      each(p.lines, p.from, (qty) => ({ onHand: -qty }));
      each(p.lines, p.to, (qty) => ({ inTransit: qty }));
      return deltas;
    case 'transfer_in': {
      const transfer = transfers.get(command.id);
      if (!transfer) return undefined;
      each(transfer.lines, transfer.to_location, (qty) => ({ inTransit: -qty, onHand: qty }));
      return deltas;
    }
    case 'reserve':
      for (const line of p.lines as { sku: string; location: string; qty: number }[])
        addDelta(deltas, line.sku, line.location, { reserved: line.qty });
      return deltas;
    default:
      return undefined;
  }
}

/** A hold's settlement posts its lines back: reserved falls, and on a fulfilment on_hand too. */
export function settlementEffect(hold: HoldRow, outcome: string): Deltas {
  const deltas: Deltas = new Map();
  for (const line of hold.lines)
    addDelta(
      deltas,
      line.sku,
      line.location,
      outcome === 'fulfilled'
        ? { reserved: -line.qty, onHand: -line.qty }
        : { reserved: -line.qty },
    );
  return deltas;
}

/** Ledger command ids are `<kind>:<id>`; the journal names the same kinds (a reserve is `hold:`). */
export const JOURNAL_KIND_BY_PREFIX: Record<string, string> = {
  receipt: 'receipt',
  adjustment: 'adjustment',
  write_off: 'write_off',
  quarantine_in: 'quarantine_in',
  quarantine_out: 'quarantine_out',
  transfer_out: 'transfer_out',
  transfer_in: 'transfer_in',
  count: 'count',
  hold: 'reserve',
};

export const SETTLEMENT_PREFIXES = ['released', 'expired', 'fulfilled'] as const;

export function splitCommandId(commandId: string): { prefix: string; id: string } {
  const at = commandId.indexOf(':');
  return at < 0
    ? { prefix: commandId, id: '' }
    : { prefix: commandId.slice(0, at), id: commandId.slice(at + 1) };
}
