import { DEFAULT_RULES } from '../routing/routing-strategy.js';
import { rulesFor } from '../routing/strategies.js';
import { settleUnfillable } from './unfillable.js';

const lines = [
  { sku: 'A', qty: 2 },
  { sku: 'B', qty: 1 },
];

describe('the unfillable rule: what becomes of lines nobody can take', () => {
  it('backorders them by default', () => {
    expect(DEFAULT_RULES.unfillable).toBe('backorder');
    expect(settleUnfillable(lines, DEFAULT_RULES.unfillable)).toEqual({
      backordered: lines,
      cancelled: [],
    });
  });

  it('cancels them on a channel whose rule says cancel', () => {
    const changes = new Map([['outlet', { unfillable: 'cancel' as const }]]);
    expect(settleUnfillable(lines, rulesFor(changes, 'outlet').unfillable)).toEqual({
      backordered: [],
      cancelled: lines,
    });
    // Another channel keeps the default.
    expect(rulesFor(changes, 'web').unfillable).toBe('backorder');
  });

  it('has nothing to record when every line was placed', () => {
    for (const policy of ['backorder', 'cancel'] as const)
      expect(settleUnfillable([], policy)).toEqual({ backordered: [], cancelled: [] });
  });

  it('hands back copies, so the stored decision and the order never share a line', () => {
    const settled = settleUnfillable(lines, 'cancel');
    settled.cancelled[0]!.qty = 99;
    expect(lines[0]!.qty).toBe(2);
  });
});
