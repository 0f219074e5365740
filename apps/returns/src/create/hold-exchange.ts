import { fail, ledger, ok, type DomainError, type Result } from '@omnistock/contracts';
import type { SagaContext } from '@omnistock/service-kit';
import { exchangeOrderId } from '../store/ledger-ids.js';

/** Long enough to commit the hold right after; a committed hold no longer expires. */
export const EXCHANGE_HOLD_TTL_S = 300;

type Line = { sku: string; qty: number };
type Availability = {
  items: { sku: string; locations: { location: string; available: number }[] }[];
};

/**
 * The replacement is held at the one location that can send all of it and has the most to
 * spare (ties by code, so the choice is the same for the same stock).
 */
export function chooseExchangeLocation(
  availability: Availability,
  lines: readonly Line[],
): Result<string> {
  const byLocation = new Map<string, Map<string, number>>();
  for (const item of availability.items) {
    for (const entry of item.locations) {
      const stock = byLocation.get(entry.location) ?? new Map<string, number>();
      stock.set(item.sku, entry.available);
      byLocation.set(entry.location, stock);
    }
  }
  const covering = [...byLocation.entries()]
    .filter(([, stock]) => lines.every((line) => (stock.get(line.sku) ?? 0) >= line.qty))
    .sort(([a, stockA], [b, stockB]) => total(stockB) - total(stockA) || (a < b ? -1 : 1));
  if (covering.length === 0)
    return fail(
      'INSUFFICIENT_STOCK',
      'the replacement is out of stock everywhere this channel sells from',
      { lines },
    );
  return ok(covering[0]![0]);
}

/**
 * Holds the replacement for the exchange order that will send it — the order owns the
 * hold from the start, so no cart, channel or other order can release or take it — and
 * commits it so it waits for the return however long that takes. Both calls replay on a
 * retry (same hold id, same lines); a refused reserve holds nothing.
 */
export async function holdExchange(
  ctx: Pick<SagaContext<unknown, unknown>, 'call'>,
  hold: { returnId: string; holdId: string; channel: string; lines: ledger.HoldLineType[] },
): Promise<{ ok: true } | { ok: false; error: DomainError; holdMayStand: boolean }> {
  const orderId = exchangeOrderId(hold.returnId);
  const reference = `order ${orderId}`;
  const held = await ctx.call(ledger.reserve, {
    id: hold.holdId,
    channel: hold.channel,
    lines: hold.lines,
    ttlSeconds: EXCHANGE_HOLD_TTL_S,
    reference,
    orderId,
    actor: 'returns',
  });
  if (!held.ok) return { ok: false, error: held.error, holdMayStand: false };
  const committed = await ctx.call(ledger.commit, {
    id: hold.holdId,
    orderId,
    channel: hold.channel,
    reference,
    actor: 'returns',
  });
  return committed.ok ? { ok: true } : { ok: false, error: committed.error, holdMayStand: true };
}

function total(stock: Map<string, number>): number {
  let sum = 0;
  for (const qty of stock.values()) sum += qty;
  return sum;
}
