import { checkLockerFit, fitOf } from './check-locker-fit.js';

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

  it('reads sizes and compartments without locking, and claims nothing', async () => {
    const queries: string[] = [];
    const db = {
      query: async <T>(sql: string): Promise<T> => {
        queries.push(sql);
        return (
          sql.includes('sku_sizes')
            ? [{ sku: 'PEN', size: 'S' }]
            : [{ size: 'S', count: 2, in_use: 1 }]
        ) as T;
      },
    };
    const reply = await checkLockerFit(db, {
      location: 'LK-1',
      lines: [
        { sku: 'PEN', qty: 1 },
        { sku: 'PEN', qty: 2 },
      ],
    });
    expect(reply).toEqual({
      ok: true,
      value: { location: 'LK-1', fits: true, parcelSize: 'S', compartmentSize: 'S' },
    });
    expect(queries.every((sql) => sql.startsWith('SELECT') && !/FOR UPDATE/i.test(sql))).toBe(true);
  });
});
