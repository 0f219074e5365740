import { compartmentFor, parcelSizeOf } from './locker-fit.js';

describe('locker fit', () => {
  const sizes = new Map([
    ['PEN', 'S'],
    ['SHOES', 'M'],
    ['TENT', 'L'],
  ] as const);

  it('sizes a parcel by its largest SKU, and refuses to size an unknown one', () => {
    expect(parcelSizeOf(['PEN', 'SHOES'], sizes)).toBe('M');
    expect(parcelSizeOf(['PEN', 'TENT'], sizes)).toBe('L');
    expect(parcelSizeOf(['PEN', 'MYSTERY'], sizes)).toBeUndefined();
  });

  it('takes the smallest free compartment the parcel fits, never a smaller one', () => {
    const compartments = [
      { size: 'S', count: 2, inUse: 2 },
      { size: 'M', count: 1, inUse: 0 },
      { size: 'L', count: 1, inUse: 0 },
    ] as const;
    expect(compartmentFor('S', compartments)).toBe('M');
    expect(compartmentFor('M', compartments)).toBe('M');
    expect(compartmentFor('L', compartments)).toBe('L');
    expect(compartmentFor('L', [{ size: 'M', count: 5, inUse: 0 }])).toBeUndefined();
  });
});
