import { checkEligibility } from './eligibility.js';

const DAY_MS = 24 * 3600 * 1000;
const now_ms = Date.parse('2026-11-23T12:00:00Z');
const fulfilment = (status: string, lines: { sku: string; qty: number }[], daysAgo = 1) =>
  ({ status, lines, updatedAt: new Date(now_ms - daysAgo * DAY_MS).toISOString() }) as never;
const order = (...fulfilments: never[]) => ({ id: 'o-1', fulfilments });
const line = (sku: string, qty: number) => ({ sku, qty, reason: 'changed_mind' as const });

describe('return eligibility', () => {
  it('allows units shipped or collected, within the window', () => {
    const o = order(
      fulfilment('shipped', [{ sku: 'A', qty: 2 }]),
      fulfilment('collected', [{ sku: 'B', qty: 1 }]),
    );
    expect(checkEligibility(o, [line('A', 2), line('B', 1)], new Map(), 30, now_ms)).toEqual({
      ok: true,
      value: undefined,
    });
  });

  it('refuses units that never left (assigned, accepted, rejected, cancelled)', () => {
    const o = order(
      fulfilment('accepted', [{ sku: 'A', qty: 2 }]),
      fulfilment('rejected', [{ sku: 'A', qty: 2 }]),
    );
    const result = checkEligibility(o, [line('A', 1)], new Map(), 30, now_ms);
    expect(result).toMatchObject({ ok: false, error: { code: 'RETURN_NOT_ALLOWED' } });
  });

  it('refuses more than were shipped, counting what is already returned', () => {
    const o = order(fulfilment('delivered', [{ sku: 'A', qty: 3 }]));
    expect(checkEligibility(o, [line('A', 4)], new Map(), 30, now_ms).ok).toBe(false);
    expect(checkEligibility(o, [line('A', 2)], new Map([['A', 2]]), 30, now_ms).ok).toBe(false);
    expect(checkEligibility(o, [line('A', 1)], new Map([['A', 2]]), 30, now_ms).ok).toBe(true);
  });

  it('sums two lines of one SKU', () => {
    const o = order(fulfilment('shipped', [{ sku: 'A', qty: 2 }]));
    expect(checkEligibility(o, [line('A', 1), line('A', 2)], new Map(), 30, now_ms).ok).toBe(false);
  });

  it('refuses a SKU the order never had', () => {
    const o = order(fulfilment('shipped', [{ sku: 'A', qty: 2 }]));
    const result = checkEligibility(o, [line('Z', 1)], new Map(), 30, now_ms);
    expect(result).toMatchObject({
      ok: false,
      error: { details: { lines: [{ sku: 'Z', returnable: 0 }] } },
    });
  });

  it('refuses after the window, and says so', () => {
    const o = order(fulfilment('delivered', [{ sku: 'A', qty: 2 }], 31));
    const result = checkEligibility(o, [line('A', 1)], new Map(), 30, now_ms);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/30-day return window/);
    expect(
      checkEligibility(
        order(fulfilment('delivered', [{ sku: 'A', qty: 2 }], 29)),
        [line('A', 1)],
        new Map(),
        30,
        now_ms,
      ).ok,
    ).toBe(true);
  });
});
