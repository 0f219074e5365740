import type { Journal } from '../actors/journal.js';
import { splitCommandId } from './expected-effects.js';
import type { LedgerExplainer } from './ledger-checks.js';
import type { LedgerSnapshot } from './ledger-snapshot.js';
import type { FulfilmentRow, RoutingSnapshot } from './routing-snapshot.js';
import type { Violation } from './violation.js';

/**
 * The fulfilment lifecycle as DESIGN.md states it: what may follow each status. The
 * checker keeps its own copy on purpose: it judges routing, so it does not borrow its code.
 */
const NEXT: Record<string, string[]> = {
  assigned: ['accepted', 'rejected', 'cancelled'],
  accepted: ['shipped', 'ready_for_pickup', 'rejected', 'cancelled'],
  ready_for_pickup: ['collected', 'cancelled'],
  shipped: ['delivered'],
  rejected: [],
  delivered: [],
  collected: [],
  cancelled: [],
};
const STATUS_OF_VERB: Record<string, string> = {
  accept: 'accepted',
  reject: 'rejected',
  ship: 'shipped',
  ready: 'ready_for_pickup',
  collect: 'collected',
  deliver: 'delivered',
};
/** The units are still at the location, held for the order. */
const NEEDS_STOCK = new Set(['assigned', 'accepted', 'ready_for_pickup']);
const LEFT = new Set(['shipped', 'delivered', 'collected']);

function reachable(from: string): Set<string> {
  const seen = new Set([from]);
  const queue = [from];
  while (queue.length > 0)
    for (const next of NEXT[queue.shift()!] ?? [])
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
  return seen;
}

/** A fulfilment change routing made although the ledger had already let the units go (by design, counted by routing). */
export interface Discrepancy {
  fulfilment: string;
  status: string;
  hold: string;
  holdStatus: string;
}

/**
 * Orders and fulfilments against the journal and the ledger: every acknowledged order,
 * cancel and fulfilment step is recorded; a refused order left nothing behind; every hold
 * an order owns backs a fulfilment that still needs it, and every fulfilment's hold is
 * where its status says (held while the units wait, fulfilled once when they left,
 * released when the fulfilment ended without them).
 */
export function checkRouting(
  journal: Journal,
  ledger: LedgerSnapshot,
  routing: RoutingSnapshot,
): { violations: Violation[]; discrepancies: Discrepancy[] } {
  const violations: Violation[] = [];
  const discrepancies: Discrepancy[] = [];
  const countReleased = new Set(
    ledger.entries
      .filter((e) => e.reason === 'count shortfall' && e.command_id.startsWith('released:'))
      .map((e) => splitCommandId(e.command_id).id),
  );

  for (const command of journal.entries) {
    if (command.kind === 'order') {
      const order = routing.orders.get(command.id);
      if (command.outcome === 'ok' && !order)
        violations.push({
          check: 'acknowledged-lost',
          message: `order ${command.id} was acknowledged to ${command.actor} but routing has no such order`,
        });
      if (command.outcome === 'refused' && order)
        violations.push({
          check: 'refusal-changed-something',
          message: `order ${command.id} was refused (${command.code}) but routing recorded it`,
        });
      if (command.outcome === 'refused') {
        for (const hold of ledger.holds.values())
          if (
            hold.order_id === command.id &&
            (hold.status === 'held' || hold.status === 'committed')
          )
            violations.push({
              check: 'refusal-changed-something',
              message: `order ${command.id} was refused (${command.code}) but hold ${hold.id} is ${hold.status} for it`,
            });
      }
    } else if (command.kind === 'cancel' && command.outcome === 'ok') {
      const order = routing.orders.get(command.id);
      if (!order?.cancelled)
        violations.push({
          check: 'acknowledged-lost',
          message: `cancel of order ${command.id} was acknowledged but the order is not cancelled`,
        });
      for (const f of routing.fulfilments.values())
        if (f.order_id === command.id && NEEDS_STOCK.has(f.status))
          violations.push({
            check: 'acknowledged-lost',
            message: `order ${command.id} was cancelled but fulfilment ${f.id} is still ${f.status}`,
          });
    } else if (STATUS_OF_VERB[command.kind] && command.outcome === 'ok') {
      const fulfilment = routing.fulfilments.get(command.id);
      const told = STATUS_OF_VERB[command.kind]!;
      if (!fulfilment || !reachable(told).has(fulfilment.status))
        violations.push({
          check: 'acknowledged-lost',
          message: `${command.kind} of fulfilment ${command.id} was acknowledged (${told}) but it is ${fulfilment?.status ?? 'missing'}`,
        });
    }
  }

  for (const f of routing.fulfilments.values()) {
    const hold = ledger.holds.get(f.hold_id);
    const problem = holdProblem(f, hold?.status, hold?.order_id ?? null, ledger, countReleased);
    if (problem === 'discrepancy')
      discrepancies.push({
        fulfilment: f.id,
        status: f.status,
        hold: f.hold_id,
        holdStatus: hold!.status,
      });
    else if (problem)
      violations.push({
        check: 'fulfilment-without-its-units',
        message: `fulfilment ${f.id} is ${f.status} but ${problem}`,
        details: { hold: hold ?? null },
      });
  }

  for (const [holdId, fulfilments] of routing.byHold) {
    const left = fulfilments.filter((f) => LEFT.has(f.status) && !f.ship_to);
    if (left.length > 1)
      violations.push({
        check: 'shipped-twice',
        message: `hold ${holdId} was shipped or collected by ${left.map((f) => f.id).join(' and ')}`,
      });
  }

  for (const hold of ledger.holds.values()) {
    if (hold.order_id === null || (hold.status !== 'held' && hold.status !== 'committed')) continue;
    const order = routing.orders.get(hold.order_id);
    const owner = (routing.byHold.get(hold.id) ?? []).find(
      (f) => f.order_id === hold.order_id && NEEDS_STOCK.has(f.status),
    );
    if (!order || !owner)
      violations.push({
        check: 'unowned-hold',
        message: `hold ${hold.id} is ${hold.status} for order ${hold.order_id}, ${order ? 'but no fulfilment of it still needs the units' : 'which routing never recorded'}`,
        details: {
          lines: hold.lines,
          fulfilments: (routing.byHold.get(hold.id) ?? []).map((f) => `${f.id} ${f.status}`),
        },
      });
  }
  return { violations, discrepancies };
}

function holdProblem(
  f: FulfilmentRow,
  status: string | undefined,
  orderId: string | null,
  ledger: LedgerSnapshot,
  countReleased: Set<string>,
): string | 'discrepancy' | undefined {
  if (status === undefined) return `its hold ${f.hold_id} is not in the ledger`;
  if (NEEDS_STOCK.has(f.status)) {
    if (status !== 'committed') return `its hold ${f.hold_id} is ${status}`;
    if (orderId !== f.order_id) return `its hold ${f.hold_id} belongs to ${orderId ?? 'a cart'}`;
    return undefined;
  }
  if (LEFT.has(f.status)) {
    if (status === 'fulfilled') {
      if (f.ship_to && !ledger.transfers.has(f.id))
        return `its hold ${f.hold_id} is fulfilled but no transfer ${f.id} took the units to ${f.ship_to}`;
      if (
        f.ship_to &&
        f.status === 'delivered' &&
        ledger.transfers.get(f.id)!.status !== 'received'
      )
        return `it was delivered to ${f.ship_to} but transfer ${f.id} never arrived`;
      return undefined;
    }
    // The ledger had let the units go first (a count found them missing): routing counts it.
    if (status === 'released' && countReleased.has(f.hold_id)) return 'discrepancy';
    return `the units left but its hold ${f.hold_id} is ${status}`;
  }
  // rejected or cancelled: the units are the location's again.
  if (status === 'released' || status === 'expired') return undefined;
  if (status === 'fulfilled') {
    const sameHold = f.hold_id;
    return `its hold ${sameHold} was fulfilled`;
  }
  return `its hold ${f.hold_id} is still ${status}`;
}

/** Ledger commands order routing sends for an order's workflow, not any actor. */
export function routingExplainer(
  journal: Journal,
  ledger: LedgerSnapshot,
  routing: RoutingSnapshot,
): LedgerExplainer {
  const ordersSent = new Set(journal.of('order').map((c) => c.id));
  return {
    explains(commandId) {
      const { prefix, id } = splitCommandId(commandId);
      if (prefix === 'hold') {
        const orderId = ledger.holds.get(id)?.order_id;
        return orderId !== null && orderId !== undefined && ordersSent.has(orderId);
      }
      if (prefix === 'move') {
        const holdId = id.slice(0, id.lastIndexOf(':'));
        const orderId = ledger.holds.get(holdId)?.order_id;
        return orderId !== null && orderId !== undefined && ordersSent.has(orderId);
      }
      if (prefix === 'transfer_out' || prefix === 'transfer_in')
        return routing.fulfilments.get(id)?.ship_to != null;
      return false;
    },
  };
}
