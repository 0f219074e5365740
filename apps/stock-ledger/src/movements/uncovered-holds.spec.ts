import fc from 'fast-check';
import { holdsToRelease, type HoldAtPosition } from './uncovered-holds.js';

const cart = (id: string, qty: number): HoldAtPosition => ({ id, qty, forOrder: false });
const order = (id: string, qty: number): HoldAtPosition => ({ id, qty, forOrder: true });

describe('holds a count shortfall releases', () => {
  it('takes the one cart hold that covers it rather than several', () => {
    expect(holdsToRelease([cart('a', 1), cart('b', 1), cart('c', 3)], 2)).toEqual(['c']);
  });

  it('takes the smallest hold that covers, freeing no more than needed', () => {
    expect(holdsToRelease([cart('big', 9), cart('fit', 2)], 2)).toEqual(['fit']);
  });

  it('releases every cart hold before any order hold', () => {
    expect(holdsToRelease([order('o', 5), cart('a', 1), cart('b', 2)], 4)).toEqual(['b', 'a', 'o']);
  });

  it('touches no order hold when the carts cover the shortfall', () => {
    expect(holdsToRelease([order('o', 1), cart('a', 3)], 3)).toEqual(['a']);
  });

  it('releases nothing without a shortfall', () => {
    expect(holdsToRelease([cart('a', 1)], 0)).toEqual([]);
  });

  it('covers the shortfall whenever the holds can, with the fewest carts possible', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ qty: fc.integer({ min: 1, max: 9 }), forOrder: fc.boolean() }), {
          maxLength: 8,
        }),
        fc.integer({ min: 0, max: 40 }),
        (specs, shortfall) => {
          const holds = specs.map((spec, i) => ({ id: `h${i}`, ...spec }));
          const chosen = new Set(holdsToRelease(holds, shortfall));
          const freed = holds.filter((h) => chosen.has(h.id)).reduce((n, h) => n + h.qty, 0);
          const all = holds.reduce((n, h) => n + h.qty, 0);
          expect(freed).toBeGreaterThanOrEqual(Math.min(shortfall, all));
          const carts = holds.filter((h) => !h.forOrder);
          const cartUnits = carts.reduce((n, h) => n + h.qty, 0);
          if (cartUnits >= shortfall) {
            expect(holds.some((h) => h.forOrder && chosen.has(h.id))).toBe(false);
            // No smaller set of carts covers it: the fewest carts covering is found by largest first.
            const sorted = carts.map((h) => h.qty).sort((a, b) => b - a);
            let fewest = 0;
            for (let sum = 0; sum < shortfall; fewest++) sum += sorted[fewest]!;
            expect(chosen.size).toBe(fewest);
          }
        },
      ),
    );
  });
});
