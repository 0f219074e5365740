import { returns } from '@omnistock/contracts';
import { defaultDispositionStrategy } from './disposition-strategy.js';

describe('the default disposition strategy', () => {
  it('restocks what is resellable and keeps everything else off the shelf', () => {
    const dispositions = Object.fromEntries(
      returns.GRADES.map((grade) => [
        grade,
        defaultDispositionStrategy.dispositionFor(grade, 'web'),
      ]),
    );
    expect(dispositions).toEqual({
      resellable: 'restock',
      damaged: 'quarantine',
      defective: 'write_off',
      wrong_item: 'quarantine',
    });
  });
});
