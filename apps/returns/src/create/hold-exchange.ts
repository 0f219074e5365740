import { fail, ledger, ok, type Result, type returns } from '@omnistock/contracts';
import { callService, type ServiceRuntime } from '@omnistock/service-kit';
import { exchangeHoldId, exchangeOrderId } from '../store/ledger-ids.js';

/** Long enough to commit the hold right after; a committed hold no longer expires. */
const EXCHANGE_HOLD_TTL_S = 300;

/**
 * The replacement is held at once at the one location that can send all of it and has
 * the most to spare, then committed so it waits for the return however long that takes.
 * The hold id derives from the return id, so a retried create finds the same hold.
 */
export async function holdExchange(
  runtime: ServiceRuntime,
  returnId: string,
  channel: string,
  lines: readonly { sku: string; qty: number }[],
): Promise<Result<NonNullable<returns.ReturnViewType['exchange']>>> {
  const skus = [...new Set(lines.map((line) => line.sku))];
  const availability = await callService(runtime, ledger.availability, { channel, skus });
  if (!availability.ok) return availability;
  const byLocation = new Map<string, Map<string, number>>();
  for (const item of availability.value.items) {
    for (const entry of item.locations) {
      const stock = byLocation.get(entry.location) ?? new Map<string, number>();
      stock.set(item.sku, entry.available);
      byLocation.set(entry.location, stock);
    }
  }
  const covering = [...byLocation.entries()]
    .filter(([, stock]) => lines.every((line) => (stock.get(line.sku) ?? 0) >= line.qty))
    .sort(([a, stockA], [b, stockB]) => total(stockB) - total(stockA) || (a < b ? -1 : 1));
  if (covering.length === 0) {
    return fail(
      'INSUFFICIENT_STOCK',
      'the replacement is out of stock everywhere this channel sells from',
      {
        lines,
      },
    );
  }
  const location = covering[0]![0];
  const holdId = exchangeHoldId(returnId);
  const holdLines = lines.map((line) => ({ sku: line.sku, location, qty: line.qty }));
  const held = await callService(runtime, ledger.reserve, {
    id: holdId,
    channel,
    lines: holdLines,
    ttlSeconds: EXCHANGE_HOLD_TTL_S,
    reference: exchangeOrderReference(returnId),
    orderId: exchangeOrderId(returnId),
  });
  if (!held.ok) return held;
  const committed = await callService(runtime, ledger.commit, {
    id: holdId,
    orderId: exchangeOrderId(returnId),
    channel,
    reference: exchangeOrderReference(returnId),
  });
  if (!committed.ok) return committed;
  return ok({ holdId, lines: holdLines, status: 'held', orderId: null });
}

/**
 * The hold is committed in the name of the order it will become (routing's reference for a
 * hold an order adopted), so when that order is placed, routing takes it over as its own
 * instead of refusing a hold that is no longer merely held.
 */
function exchangeOrderReference(returnId: string): string {
  return `order ${exchangeOrderId(returnId)}`;
}

function total(stock: Map<string, number>): number {
  let sum = 0;
  for (const qty of stock.values()) sum += qty;
  return sum;
}
