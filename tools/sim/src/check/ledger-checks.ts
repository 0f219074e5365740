import type { Journal, JournalEntry } from '../actors/journal.js';
import { addDelta, compareDeltas, positionKey, type Deltas } from './deltas.js';
import {
  expectedEffect,
  JOURNAL_KIND_BY_PREFIX,
  SETTLEMENT_PREFIXES,
  settlementEffect,
  splitCommandId,
} from './expected-effects.js';
import type { EntryRow, LedgerSnapshot } from './ledger-snapshot.js';
import type { Violation } from './violation.js';

/** A held cart hold this long past its expiry was missed by the sweeper (it runs every 250 ms). */
export const EXPIRY_GRACE_S = 10;

/** What other services did to the ledger: an entry no actor sent must be theirs. */
export interface LedgerExplainer {
  /** True when the command id was sent by a service (routing, returns) for a workflow of its own. */
  explains(commandId: string, entries: EntryRow[]): boolean;
}

interface CommandEntries {
  entries: EntryRow[];
  deltas: Deltas;
  /** on_hand after the command's last entry, per position (what a count set). */
  balances: Map<string, number>;
}

function groupByCommand(entries: EntryRow[]): Map<string, CommandEntries> {
  const commands = new Map<string, CommandEntries>();
  for (const entry of entries) {
    let group = commands.get(entry.command_id);
    if (!group) {
      group = { entries: [], deltas: new Map(), balances: new Map() };
      commands.set(entry.command_id, group);
    }
    group.entries.push(entry);
    addDelta(group.deltas, entry.sku, entry.location, {
      onHand: entry.d_on_hand,
      reserved: entry.d_reserved,
      quarantine: entry.d_quarantine,
      inTransit: entry.d_in_transit,
    });
    group.balances.set(positionKey(entry.sku, entry.location), entry.on_hand);
  }
  return commands;
}

/** The journal's commands by kind and id; a cart id may carry several (release, extends). */
function indexJournal(journal: Journal): Map<string, JournalEntry[]> {
  const index = new Map<string, JournalEntry[]>();
  for (const entry of journal.entries) {
    const key = `${entry.kind}:${entry.id}`;
    const list = index.get(key) ?? [];
    list.push(entry);
    index.set(key, list);
  }
  return index;
}

/**
 * The ledger against the journal: every acknowledged command is there (durable), every
 * ledger command was sent by someone and moved exactly what was sent (nothing phantom,
 * nothing doubled), counts set what was counted, and every hold is settled at most once,
 * owned, and not outliving its expiry.
 */
export function checkLedger(
  journal: Journal,
  ledger: LedgerSnapshot,
  explainer: LedgerExplainer,
): Violation[] {
  const violations: Violation[] = [];
  const commands = groupByCommand(ledger.entries);
  const sent = indexJournal(journal);

  // Durable: what an actor was told happened, happened.
  for (const command of journal.entries) {
    if (command.outcome !== 'ok') continue;
    const lost = (what: string) =>
      violations.push({
        check: 'acknowledged-lost',
        message: `${command.kind} ${command.id} was acknowledged to ${command.actor} but ${what}`,
        details: { payload: command.payload, reply: command.reply },
      });
    switch (command.kind) {
      case 'reserve': {
        const hold = ledger.holds.get(command.id);
        const told = (command.reply as any).lines as {
          sku: string;
          location: string;
          qty: number;
        }[];
        // An order that adopted the cart may have moved its lines: the units stay the same.
        const same =
          hold?.order_id === null
            ? sameLines(hold.lines, told)
            : sameLines(bySku(hold?.lines ?? []), bySku(told));
        if (!hold) lost('the ledger has no such hold');
        else if (!same) lost(`the hold's lines are ${JSON.stringify(hold.lines)}`);
        break;
      }
      case 'release': {
        const hold = ledger.holds.get(command.id);
        if (hold?.status !== 'released') lost(`the hold is ${hold?.status ?? 'missing'}`);
        break;
      }
      case 'extend':
        break;
      default: {
        const prefix = Object.keys(JOURNAL_KIND_BY_PREFIX).find(
          (p) => JOURNAL_KIND_BY_PREFIX[p] === command.kind,
        );
        if (prefix && !commands.has(`${prefix}:${command.id}`))
          lost('the ledger has no entries for it');
      }
    }
  }
  violations.push(...checkExtends(journal, ledger));

  // Explained and exact: every ledger command moved what its sender asked, once.
  for (const [commandId, group] of commands) {
    const { prefix, id } = splitCommandId(commandId);
    if ((SETTLEMENT_PREFIXES as readonly string[]).includes(prefix)) {
      const hold = ledger.holds.get(id);
      if (!hold) {
        violations.push({
          check: 'unexplained-entry',
          message: `${commandId} settles a hold the ledger does not have`,
        });
        continue;
      }
      const differences = compareDeltas(settlementEffect(hold, prefix), group.deltas);
      if (differences.length > 0)
        violations.push({
          check: 'settled-wrongly',
          message: `hold ${id} ${prefix}: the ledger moved other units than its lines (settled twice?)`,
          details: { differences, lines: hold.lines },
        });
      if (hold.status !== prefix)
        violations.push({
          check: 'settled-wrongly',
          message: `hold ${id} has ${prefix} entries but is ${hold.status}`,
        });
      continue;
    }
    const kind = JOURNAL_KIND_BY_PREFIX[prefix];
    const candidates = kind ? (sent.get(`${kind}:${id}`) ?? []) : [];
    if (candidates.length === 0) {
      if (!explainer.explains(commandId, group.entries))
        violations.push({
          check: 'unexplained-entry',
          message: `ledger command ${commandId} was sent by no actor and no workflow explains it`,
          details: { entries: group.entries.slice(0, 5) },
        });
      continue;
    }
    const command = candidates[0]!;
    if (command.kind === 'count') {
      for (const line of (command.payload as any).lines as { sku: string; counted: number }[]) {
        const key = positionKey(line.sku, (command.payload as any).location);
        const after = group.balances.get(key);
        if (after !== line.counted)
          violations.push({
            check: 'count-posted-wrongly',
            message: `count ${id} counted ${line.counted} of ${key} but on_hand became ${after ?? 'nothing'}`,
          });
      }
      continue;
    }
    const expected = expectedEffect(command, ledger.transfers);
    if (!expected) continue;
    const differences = compareDeltas(expected, group.deltas);
    if (differences.length > 0)
      violations.push({
        check: 'moved-other-units',
        message: `${commandId} moved other units than ${command.actor} sent`,
        details: { differences },
      });
  }

  // Transfers: what arrives (or waits) is what was sent.
  for (const command of journal.of('transfer_out')) {
    const transfer = ledger.transfers.get(command.id);
    const payload = command.payload as any;
    if (!transfer) continue;
    if (
      transfer.from_location !== payload.from ||
      transfer.to_location !== payload.to ||
      !sameLines(
        transfer.lines.map((l) => ({ ...l, location: transfer.to_location })),
        (payload.lines as { sku: string; qty: number }[]).map((l) => ({
          ...l,
          location: payload.to,
        })),
      )
    )
      violations.push({
        check: 'moved-other-units',
        message: `transfer ${command.id} is recorded otherwise than it was sent`,
        details: { sent: payload, recorded: transfer },
      });
  }

  violations.push(...checkHolds(ledger, sent, commands));
  return violations;
}

/** The last acknowledged extend of a hold still held set its expiry, unless one in doubt came after. */
function checkExtends(journal: Journal, ledger: LedgerSnapshot): Violation[] {
  const last = new Map<string, JournalEntry>();
  for (const command of journal.of('extend')) last.set(command.id, command);
  const violations: Violation[] = [];
  for (const [id, command] of last) {
    const hold = ledger.holds.get(id);
    if (command.outcome !== 'ok' || hold?.status !== 'held') continue;
    const told = Date.parse((command.reply as any).expiresAt);
    if (hold.expires_at?.getTime() !== told)
      violations.push({
        check: 'acknowledged-lost',
        message: `extend of ${id} was acknowledged until ${new Date(told).toISOString()} but the hold expires at ${hold.expires_at?.toISOString()}`,
      });
  }
  return violations;
}

function checkHolds(
  ledger: LedgerSnapshot,
  sent: Map<string, JournalEntry[]>,
  commands: Map<string, CommandEntries>,
): Violation[] {
  const violations: Violation[] = [];
  for (const hold of ledger.holds.values()) {
    const settlements = SETTLEMENT_PREFIXES.filter((p) => commands.has(`${p}:${hold.id}`));
    if (settlements.length > 1)
      violations.push({
        check: 'settled-twice',
        message: `hold ${hold.id} was ${settlements.join(' and ')}`,
      });
    const open = hold.status === 'held' || hold.status === 'committed';
    if (!open && settlements.length === 0 && hold.status !== 'fulfilled')
      violations.push({
        check: 'settled-wrongly',
        message: `hold ${hold.id} is ${hold.status} but its units were never given back`,
      });
    if (hold.status === 'held' && hold.overdue_s !== null && hold.overdue_s > EXPIRY_GRACE_S)
      violations.push({
        check: 'hold-outlived-expiry',
        message: `hold ${hold.id} is still held ${Math.round(hold.overdue_s)} s after it expired`,
        details: { expiresAt: hold.expires_at },
      });
    if (open && hold.order_id === null && !sent.has(`reserve:${hold.id}`))
      violations.push({
        check: 'unowned-hold',
        message: `hold ${hold.id} is ${hold.status} with no order and no cart sent it`,
        details: { lines: hold.lines },
      });
    if (hold.status === 'committed' && hold.order_id === null)
      violations.push({
        check: 'unowned-hold',
        message: `hold ${hold.id} is committed but names no order`,
      });
  }
  return violations;
}

/** Lines summed per SKU, wherever they are held. */
function bySku(
  lines: { sku: string; qty: number }[],
): { sku: string; location: string; qty: number }[] {
  const totals = new Map<string, number>();
  for (const line of lines) totals.set(line.sku, (totals.get(line.sku) ?? 0) + line.qty);
  return [...totals].map(([sku, qty]) => ({ sku, location: '', qty }));
}

function sameLines(
  a: { sku: string; location: string; qty: number }[],
  b: { sku: string; location: string; qty: number }[] | undefined,
): boolean {
  const key = (lines: { sku: string; location: string; qty: number }[]) =>
    lines
      .map((l) => `${l.sku}@${l.location}x${l.qty}`)
      .sort()
      .join(',');
  return b !== undefined && key(a) === key(b);
}
