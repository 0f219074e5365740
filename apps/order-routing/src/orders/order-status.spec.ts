import { deriveOrderStatus } from './order-status.js';

const f = (...statuses: string[]) => statuses.map((status) => ({ status })) as never;

describe('the order status, derived from its fulfilments', () => {
  it.each([
    [false, f('assigned', 'accepted'), 0, 'routed'],
    [false, f('shipped', 'accepted'), 0, 'in_fulfilment'],
    [false, f('delivered', 'collected', 'rejected'), 0, 'fulfilled'],
    [false, f('rejected'), 3, 'backordered'],
    [false, f(), 3, 'backordered'],
    [false, f('assigned'), 1, 'partially_backordered'],
    [true, f('shipped', 'cancelled'), 0, 'cancelled'],
  ])('cancelled=%s, %j, %i backordered → %s', (cancelled, fulfilments, backordered, status) => {
    expect(deriveOrderStatus(cancelled, fulfilments, backordered)).toBe(status);
  });

  // Lines cancelled as unfillable (channel rule `unfillable: cancel`).
  it.each([
    [f(), 0, 2, 'cancelled'],
    [f('rejected'), 0, 2, 'cancelled'],
    [f('assigned'), 0, 2, 'routed'],
    [f('delivered'), 0, 1, 'fulfilled'],
    [f('assigned'), 1, 1, 'partially_backordered'],
    [f('rejected'), 1, 1, 'backordered'],
  ])('%j, %i backordered, %i cancelled as unfillable → %s', (fulfilments, b, c, status) => {
    expect(deriveOrderStatus(false, fulfilments, b, c)).toBe(status);
  });
});
