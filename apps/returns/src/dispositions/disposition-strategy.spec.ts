import { returns } from '@omnistock/contracts';
import { DEFAULT_RETURN_POLICY } from '../policies/return-policy.js';
import { defaultDispositionStrategy } from './disposition-strategy.js';

describe('the default disposition strategy', () => {
  const decide = (grade: (typeof returns.GRADES)[number], resellableTo: string | null = null) =>
    defaultDispositionStrategy.decide(grade, { ...DEFAULT_RETURN_POLICY, resellableTo }, 'ST-1');

  it('restocks what is resellable where it was received, and keeps everything else off the shelf', () => {
    expect(Object.fromEntries(returns.GRADES.map((grade) => [grade, decide(grade)]))).toEqual({
      resellable: { disposition: 'restock', location: 'ST-1' },
      damaged: { disposition: 'quarantine', location: 'ST-1' },
      defective: { disposition: 'write_off', location: 'ST-1' },
      wrong_item: { disposition: 'quarantine', location: 'ST-1' },
    });
  });

  it('sends resellable units on when the channel names a location for them', () => {
    expect(decide('resellable', 'WH-1')).toEqual({ disposition: 'transfer', location: 'WH-1' });
    expect(decide('resellable', 'ST-1')).toEqual({ disposition: 'restock', location: 'ST-1' });
    expect(decide('damaged', 'WH-1')).toEqual({ disposition: 'quarantine', location: 'ST-1' });
  });
});
