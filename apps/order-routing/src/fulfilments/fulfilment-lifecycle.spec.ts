import { routing } from '@omnistock/contracts';
import { checkFulfilmentTransition, FULFILMENT_TRANSITIONS } from './fulfilment-lifecycle.js';

describe('the fulfilment lifecycle', () => {
  it('has a row for every status', () => {
    expect(Object.keys(FULFILMENT_TRANSITIONS).sort()).toEqual(
      [...routing.FULFILMENT_STATUSES].sort(),
    );
  });

  it.each([
    ['ship', 'assigned', 'accepted'],
    ['ship', 'accepted', 'shipped'],
    ['ship', 'shipped', 'delivered'],
    ['pickup', 'accepted', 'ready_for_pickup'],
    ['pickup', 'ready_for_pickup', 'collected'],
    ['ship', 'assigned', 'rejected'],
    ['ship', 'accepted', 'rejected'],
    ['ship', 'assigned', 'cancelled'],
    ['pickup', 'ready_for_pickup', 'cancelled'],
  ] as const)('lets a %s fulfilment go %s → %s', (method, from, to) => {
    expect(checkFulfilmentTransition('F', method, from, to)).toEqual({
      ok: true,
      value: { kind: 'apply' },
    });
  });

  it.each([
    ['ship', 'assigned', 'shipped'],
    ['ship', 'accepted', 'ready_for_pickup'],
    ['pickup', 'accepted', 'shipped'],
    ['ship', 'shipped', 'rejected'],
    ['ship', 'shipped', 'cancelled'],
    ['ship', 'delivered', 'accepted'],
    ['ship', 'rejected', 'accepted'],
    ['pickup', 'collected', 'cancelled'],
  ] as const)('refuses a %s fulfilment %s → %s with INVALID_TRANSITION', (method, from, to) => {
    const check = checkFulfilmentTransition('F', method, from, to);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.error.code).toBe('INVALID_TRANSITION');
  });

  it('treats reaching the status it is already in as a replay', () => {
    expect(checkFulfilmentTransition('F', 'ship', 'shipped', 'shipped')).toEqual({
      ok: true,
      value: { kind: 'replay' },
    });
  });
});
