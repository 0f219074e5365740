import { checkReturnTransition, RETURN_TRANSITIONS } from './return-lifecycle.js';

describe('the return lifecycle', () => {
  it.each([
    ['authorised', 'received'],
    ['authorised', 'cancelled'],
    ['authorised', 'expired'],
    ['received', 'inspected'],
    ['inspected', 'closed'],
  ] as const)('allows %s → %s', (from, to) => {
    expect(checkReturnTransition('r', from, to)).toEqual({ ok: true, value: { kind: 'apply' } });
  });

  it.each([
    ['authorised', 'inspected'],
    ['received', 'cancelled'],
    ['closed', 'received'],
    ['expired', 'received'],
    ['cancelled', 'received'],
  ] as const)('refuses %s → %s', (from, to) => {
    const result = checkReturnTransition('r', from, to);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('INVALID_TRANSITION');
  });

  it('answers a step to the status it is in as a replay', () => {
    for (const status of Object.keys(RETURN_TRANSITIONS) as (keyof typeof RETURN_TRANSITIONS)[]) {
      expect(checkReturnTransition('r', status, status)).toEqual({
        ok: true,
        value: { kind: 'replay' },
      });
    }
  });
});
