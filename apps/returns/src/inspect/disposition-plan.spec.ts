import {
  disposedBy,
  gradesForRemaining,
  movementsFor,
  overDisposed,
  type DispositionLine,
  type MovementStatus,
} from './disposition-plan.js';

const disposition = (
  sku: string,
  qty: number,
  grade: DispositionLine['grade'],
  kind: DispositionLine['disposition'],
  location = 'ST-1',
): DispositionLine => ({ sku, qty, grade, disposition: kind, location });

describe('an inspection plan', () => {
  const received = [{ sku: 'A', qty: 2 }];

  it('grades every unit when nothing was disposed of yet', () => {
    const graded = [
      { sku: 'A', qty: 1, grade: 'resellable' as const },
      { sku: 'A', qty: 1, grade: 'damaged' as const },
    ];
    expect(gradesForRemaining(received, [], graded)).toEqual(graded);
  });

  it('keeps what an earlier attempt disposed of, and a retry with the same grades picks the same rest', () => {
    const done = [disposition('A', 1, 'damaged', 'quarantine')];
    expect(
      gradesForRemaining(received, done, [
        { sku: 'A', qty: 1, grade: 'resellable' },
        { sku: 'A', qty: 1, grade: 'damaged' },
      ]),
    ).toEqual([{ sku: 'A', qty: 1, grade: 'resellable' }]);
  });

  it('gives the rest the new grades when the re-grade differs', () => {
    const done = [disposition('A', 1, 'damaged', 'quarantine')];
    expect(gradesForRemaining(received, done, [{ sku: 'A', qty: 2, grade: 'resellable' }])).toEqual(
      [{ sku: 'A', qty: 1, grade: 'resellable' }],
    );
    expect(gradesForRemaining(received, done, [{ sku: 'A', qty: 2, grade: 'damaged' }])).toEqual([
      { sku: 'A', qty: 1, grade: 'damaged' },
    ]);
  });

  it('plans nothing once every unit is disposed of', () => {
    const done = [disposition('A', 2, 'resellable', 'restock')];
    expect(gradesForRemaining(received, done, [{ sku: 'A', qty: 2, grade: 'damaged' }])).toEqual(
      [],
    );
  });

  it('moves a transfer and a write-off in two steps, the follow-on after its intake', () => {
    const transfer = movementsFor(
      disposition('A', 1, 'resellable', 'transfer', 'WH-1'),
      'ST-1',
      { intake: 'i', followOn: 'f' },
      { reference: 'return:r' },
    );
    expect(transfer.map((m) => [m.kind, m.follows])).toEqual([
      ['restock-return', null],
      ['send-transfer', 'i'],
    ]);
    expect(transfer[1]!.request).toMatchObject({ from: 'ST-1', to: 'WH-1' });
    const writeOff = movementsFor(
      disposition('A', 1, 'defective', 'write_off'),
      'ST-1',
      { intake: 'i', followOn: 'f' },
      { reference: 'return:r' },
    );
    expect(writeOff.map((m) => m.kind)).toEqual(['quarantine', 'write-off']);
  });

  it('records where units really went when a follow-on was refused', () => {
    const movements = [
      ...movementsFor(
        disposition('A', 1, 'resellable', 'transfer', 'WH-1'),
        'ST-1',
        { intake: 't', followOn: 't2' },
        { reference: 'return:r' },
      ),
      ...movementsFor(
        disposition('B', 1, 'defective', 'write_off'),
        'ST-1',
        { intake: 'w', followOn: 'w2' },
        { reference: 'return:r' },
      ),
      ...movementsFor(
        disposition('C', 1, 'resellable', 'restock'),
        'ST-1',
        { intake: 'r', followOn: 'r2' },
        { reference: 'return:r' },
      ),
    ];
    const status: Record<string, MovementStatus> = {
      t: 'applied',
      t2: 'refused',
      w: 'applied',
      w2: 'applied',
      r: 'refused',
    };
    expect(disposedBy(movements, (id) => status[id] ?? 'planned')).toEqual([
      disposition('A', 1, 'resellable', 'restock', 'ST-1'),
      disposition('B', 1, 'defective', 'write_off'),
    ]);
  });

  it('flags a plan that would dispose of a unit twice', () => {
    const planned = movementsFor(
      disposition('A', 2, 'resellable', 'restock'),
      'ST-1',
      { intake: 'i', followOn: 'f' },
      { reference: 'return:r' },
    );
    expect(overDisposed(received, [], planned)).toEqual([]);
    expect(overDisposed(received, [disposition('A', 1, 'damaged', 'quarantine')], planned)).toEqual(
      ['A'],
    );
  });
});
