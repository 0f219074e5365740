import { KEPT_OUTCOMES, outcomeOf } from './classify.js';

const window = {
  fromMs: Date.parse('2026-03-24T09:00:00Z'),
  toMs: Date.parse('2026-03-24T18:00:00Z'),
};

describe('kept or broken', () => {
  it.each([
    ['ship', 'delivered', '2026-03-23T17:00:00Z', 'early', true],
    ['ship', 'delivered', '2026-03-24T08:59:59Z', 'early', true],
    ['ship', 'delivered', '2026-03-24T09:00:00Z', 'on_time', true],
    ['ship', 'delivered', '2026-03-24T18:00:00Z', 'on_time', true],
    ['ship', 'delivered', '2026-03-24T18:00:01Z', 'late', false],
    ['ship', 'delivered', '2026-03-26T10:00:00Z', 'late', false],
    ['pickup', 'ready', '2026-03-24T08:30:00Z', 'early', true],
    ['pickup', 'ready', '2026-03-24T12:00:00Z', 'on_time', true],
    ['pickup', 'ready', '2026-03-24T19:00:00Z', 'late', false],
    ['pickup', 'collected', '2026-03-24T12:00:00Z', 'on_time', true],
  ] as const)('%s %s at %s is %s', (method, event, at, outcome, kept) => {
    const measured = outcomeOf(event, method, Date.parse(at), window);
    expect(measured).toBe(outcome);
    expect(KEPT_OUTCOMES.includes(measured!)).toBe(kept);
  });

  it.each([
    ['ship', 'ready'],
    ['ship', 'collected'],
    ['pickup', 'delivered'],
  ] as const)('a %s promise is not measured by %s', (method, event) => {
    expect(outcomeOf(event, method, window.fromMs, window)).toBeUndefined();
  });

  it('a collection days after the window says nothing about the store', () => {
    expect(
      outcomeOf('collected', 'pickup', Date.parse('2026-03-27T12:00:00Z'), window),
    ).toBeUndefined();
  });
});
