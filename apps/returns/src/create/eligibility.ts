import { fail, ok, type Result, type returns, type routing } from '@omnistock/contracts';

/** Fulfilments whose units reached the customer, so can come back. */
const RETURNABLE_FULFILMENT_STATUSES: readonly string[] = ['shipped', 'delivered', 'collected'];

const DAY_MS = 24 * 3600 * 1000;

/** What a return needs of its order: its channel, and which units left and when. */
export type OrderFacts = Pick<routing.OrderViewType, 'id' | 'channel'> & {
  fulfilments: Pick<
    routing.OrderViewType['fulfilments'][number],
    'status' | 'lines' | 'updatedAt'
  >[];
};

/**
 * What may be returned: units actually shipped or collected, minus units already in a
 * return that still counts, each within the channel's window counted from when its
 * fulfilment last moved. Pure, so every rule has a unit test.
 */
export function checkEligibility(
  order: Omit<OrderFacts, 'channel'>,
  requested: readonly returns.ReturnLineType[],
  alreadyReturned: ReadonlyMap<string, number>,
  windowDays: number,
  now_ms: number,
): Result<void> {
  const shipped = new Map<string, number>();
  const inWindow = new Map<string, number>();
  for (const fulfilment of order.fulfilments) {
    if (!RETURNABLE_FULFILMENT_STATUSES.includes(fulfilment.status)) continue;
    const fresh = now_ms - Date.parse(fulfilment.updatedAt) <= windowDays * DAY_MS;
    for (const line of fulfilment.lines) {
      shipped.set(line.sku, (shipped.get(line.sku) ?? 0) + line.qty);
      if (fresh) inWindow.set(line.sku, (inWindow.get(line.sku) ?? 0) + line.qty);
    }
  }
  const wanted = new Map<string, number>();
  for (const line of requested) wanted.set(line.sku, (wanted.get(line.sku) ?? 0) + line.qty);
  const problems: { sku: string; requested: number; returnable: number; reason: string }[] = [];
  for (const [sku, qty] of wanted) {
    const fulfilled = shipped.get(sku) ?? 0;
    const already = alreadyReturned.get(sku) ?? 0;
    if (fulfilled === 0) {
      problems.push({
        sku,
        requested: qty,
        returnable: 0,
        reason: `order ${order.id} has no shipped or collected ${sku}`,
      });
      continue;
    }
    const returnable = Math.max(0, Math.min(fulfilled, inWindow.get(sku) ?? 0) - already);
    if (qty > returnable) {
      const reason =
        (inWindow.get(sku) ?? 0) === 0
          ? `the ${windowDays}-day return window for ${sku} has passed`
          : `${fulfilled} shipped or collected, ${already} already returned or being returned`;
      problems.push({ sku, requested: qty, returnable, reason });
    }
  }
  if (problems.length > 0) {
    return fail('RETURN_NOT_ALLOWED', problems.map((p) => p.reason).join('; '), {
      lines: problems,
    });
  }
  return ok(undefined);
}
