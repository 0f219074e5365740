import { fitOf } from './check-locker-fit.js';

/** The pure rule; the NATS read against real Postgres is in e2e/routing/lockers.test.ts. */
describe('locker fit (read-only)', () => {
  const sizes = new Map([
    ['PEN', 'S'],
    ['TENT', 'L'],
  ] as const);
  const compartments = [
    { size: 'S', count: 1, inUse: 1 },
    { size: 'M', count: 1, inUse: 0 },
  ] as const;

  it.each([
    [
      'a small parcel takes the smallest free compartment',
      ['PEN'],
      compartments,
      { fits: true, parcelSize: 'S', compartmentSize: 'M' },
    ],
    [
      'a parcel larger than every free compartment',
      ['PEN', 'TENT'],
      compartments,
      { fits: false, parcelSize: 'L', reason: 'no_free_compartment' },
    ],
    [
      'a SKU without a size',
      ['PEN', 'MYSTERY'],
      compartments,
      { fits: false, reason: 'unsized_sku' },
    ],
    ['a location with no compartments', ['PEN'], [], { fits: false, reason: 'not_a_locker' }],
  ] as const)('%s', (_name, skus, configured, expected) => {
    expect(fitOf('LK-1', skus, sizes, configured)).toEqual({ location: 'LK-1', ...expected });
  });
});
