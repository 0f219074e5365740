import { LIMITS } from '@omnistock/contracts';
import { applyChanges, type PositionChange } from './apply-changes.js';
import { positionKey, type PositionState } from './position-state.js';

const position = (overrides: Partial<PositionState> = {}): PositionState => ({
  sku: 'A',
  location: 'L',
  onHand: 10,
  reserved: 0,
  quarantine: 0,
  inTransit: 0,
  seq: 4,
  ...overrides,
});

const states = (...positions: PositionState[]) =>
  new Map(positions.map((p) => [positionKey(p.sku, p.location), p]));
const change = (
  delta: PositionChange['delta'],
  extra: Partial<PositionChange> = {},
): PositionChange => ({
  sku: 'A',
  location: 'L',
  kind: 'hold',
  delta,
  commandId: 'c',
  ...extra,
});

describe('applyChanges', () => {
  it('gives each change its own entry and the next sequence of its position', () => {
    const applied = applyChanges(states(position()), [
      change({ reserved: 2 }),
      change({ reserved: 3 }),
    ]);
    expect(applied.ok).toBe(true);
    if (!applied.ok) return;
    expect(applied.entries.map((e) => [e.seq, e.balance.reserved])).toEqual([
      [5, 2],
      [6, 5],
    ]);
    expect(applied.touched).toEqual([position({ reserved: 5, seq: 6 })]);
  });

  it('refuses the whole set when one change would oversell', () => {
    const before = states(position());
    const applied = applyChanges(before, [change({ reserved: 8 }), change({ reserved: 3 })]);
    expect(applied).toEqual({
      ok: false,
      failures: [
        {
          index: 1,
          sku: 'A',
          location: 'L',
          reason: '11 reserved would exceed 10 on hand',
          code: 'INSUFFICIENT_STOCK',
        },
      ],
    });
    expect(before.get(positionKey('A', 'L'))).toEqual(position());
  });

  it('refuses a bucket going below zero', () => {
    const applied = applyChanges(states(position()), [change({ quarantine: -1 })]);
    expect(applied).toMatchObject({
      ok: false,
      failures: [{ reason: 'quarantine would fall to -1' }],
    });
  });

  it('refuses a bucket over the units a position may hold, with its own code', () => {
    const applied = applyChanges(states(position({ onHand: LIMITS.position_units_max })), [
      change({ onHand: 1 }, { kind: 'receipt' }),
    ]);
    expect(applied).toMatchObject({ ok: false, failures: [{ code: 'POSITION_LIMIT_EXCEEDED' }] });
  });

  it('asks the guard with the position as it stands before the change', () => {
    const seen: number[] = [];
    const guard = (before: PositionState) => {
      seen.push(before.reserved);
      return before.reserved >= 3 ? 'full' : null;
    };
    const applied = applyChanges(states(position()), [
      change({ reserved: 3 }, { guard }),
      change({ reserved: 1 }, { guard }),
    ]);
    expect(seen).toEqual([0, 3]);
    expect(applied).toMatchObject({ ok: false, failures: [{ index: 1, reason: 'full' }] });
  });

  it('fails loudly when a change names a position nobody locked', () => {
    expect(() => applyChanges(states(), [change({ onHand: 1 })])).toThrow(/not locked/);
  });
});
