import { checkTransition, HOLD_TRANSITIONS } from './hold-lifecycle.js';

describe('the hold lifecycle', () => {
  it.each([
    ['held', 'committed'],
    ['held', 'fulfilled'],
    ['held', 'released'],
    ['held', 'expired'],
    ['committed', 'fulfilled'],
    ['committed', 'released'],
  ] as const)('allows %s → %s', (from, to) => {
    expect(checkTransition('h', from, to)).toEqual({ ok: true, value: { kind: 'apply' } });
  });

  it.each([
    ['committed', 'expired'],
    ['released', 'fulfilled'],
    ['expired', 'released'],
    ['fulfilled', 'released'],
    ['released', 'committed'],
  ] as const)('refuses %s → %s with INVALID_TRANSITION', (from, to) => {
    const result = checkTransition('h', from, to);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('INVALID_TRANSITION');
  });

  it('treats reaching the status it is already in as a replay', () => {
    for (const status of Object.keys(HOLD_TRANSITIONS) as (keyof typeof HOLD_TRANSITIONS)[]) {
      expect(checkTransition('h', status, status)).toEqual({ ok: true, value: { kind: 'replay' } });
    }
  });

  it('has final states with no way out', () => {
    expect(HOLD_TRANSITIONS.fulfilled).toEqual([]);
    expect(HOLD_TRANSITIONS.released).toEqual([]);
    expect(HOLD_TRANSITIONS.expired).toEqual([]);
  });
});
