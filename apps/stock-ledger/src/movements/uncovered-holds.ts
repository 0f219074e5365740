export interface HoldAtPosition {
  id: string;
  /** Units this hold has at the counted position. */
  qty: number;
  /** Owned by an order: released only when the carts cannot cover the shortfall. */
  forOrder: boolean;
}

/**
 * The holds a count must release to cover `shortfall` units: as few as possible, cart holds
 * before order holds (an order is a promise made; a cart is not yet). Within each group,
 * the smallest hold that covers what is left ends the search; failing that the largest is
 * taken and the search goes on — fewest holds, and no more units freed than needed.
 * Among holds of one size the newest goes first: the shopper who waited longest keeps theirs.
 */
export function holdsToRelease(holds: readonly HoldAtPosition[], shortfall: number): string[] {
  const chosen: string[] = [];
  let left = shortfall;
  for (const group of [holds.filter((h) => !h.forOrder), holds.filter((h) => h.forOrder)]) {
    // Stable: among holds of one size, the caller's order (newest first) decides.
    const pool = [...group].sort((a, b) => a.qty - b.qty);
    while (left > 0 && pool.length > 0) {
      const covering = pool.findIndex((hold) => hold.qty >= left);
      const index = covering >= 0 ? covering : pool.length - 1;
      const [hold] = pool.splice(index, 1);
      chosen.push(hold!.id);
      left -= hold!.qty;
    }
  }
  return chosen;
}
