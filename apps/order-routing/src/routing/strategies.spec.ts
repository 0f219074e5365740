import { rulesFor } from './strategies.js';
import { DEFAULT_RULES } from './routing-strategy.js';

describe('routing rules per channel', () => {
  const changes = new Map([
    ['*', { maxShipments: 2 }],
    ['marketplace', { maxShipments: 1, transferToPickup: false }],
  ]);

  it('layers defaults, the every-channel change, the channel`s own, then a trial', () => {
    expect(rulesFor(new Map(), 'web')).toEqual(DEFAULT_RULES);
    expect(rulesFor(changes, 'web')).toEqual({ ...DEFAULT_RULES, maxShipments: 2 });
    expect(rulesFor(changes, 'marketplace')).toEqual({
      ...DEFAULT_RULES,
      maxShipments: 1,
      transferToPickup: false,
    });
    expect(rulesFor(changes, 'marketplace', { maxShipments: 3 }).maxShipments).toBe(3);
  });
});
