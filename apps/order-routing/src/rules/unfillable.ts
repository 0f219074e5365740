import type { routing } from '@omnistock/contracts';

/** Where the lines nobody could take go, under a channel's `unfillable` rule. */
export interface Unfillable {
  backordered: routing.OrderLineType[];
  cancelled: routing.OrderLineType[];
}

/**
 * Sorts the lines a placement could not put anywhere into backordered or cancelled lines.
 * Pure, so the rule's effect is the same on first placement and after a rejection, and
 * testable without a database.
 */
export function settleUnfillable(
  lines: readonly routing.OrderLineType[],
  policy: routing.UnfillablePolicy,
): Unfillable {
  const unplaced = lines.filter((line) => line.qty > 0).map((line) => ({ ...line }));
  return policy === 'cancel'
    ? { backordered: [], cancelled: unplaced }
    : { backordered: unplaced, cancelled: [] };
}
