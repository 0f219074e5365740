import { LIMITS, ledger } from '@omnistock/contracts';
import { LedgerWorld } from './support/ledger-world.js';

describe('counts that uncover holds, and numbers past 32 bits', () => {
  let w: LedgerWorld;

  beforeAll(async () => {
    w = await LedgerWorld.create('countlimits');
    await w.seedReference(
      ['SKU-C', 'SKU-BIG', 'SKU-D'],
      [{ code: 'web' }, { code: 'half', capPercent: 50 }],
    );
  });

  afterAll(() => w.dispose());

  it('refuses a count naming one SKU twice, and posts nothing', async () => {
    await w.ok(ledger.receiveStock, {
      id: 'cl-d',
      location: 'WH-1',
      lines: [{ sku: 'SKU-D', qty: 20 }],
    });
    const reply = await w.call(ledger.countStock, {
      id: 'cl-twice',
      location: 'WH-1',
      lines: [
        { sku: 'SKU-D', counted: 22 },
        { sku: 'SKU-D', counted: 22 },
      ],
    });
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', details: { problems: [{ path: '/lines/1/sku' }] } },
    });
    expect(await w.position('SKU-D', 'WH-1')).toMatchObject({ onHand: 20 });
  });

  it('covers a shortfall with the fewest holds, carts first, and reports the order hold it took as lost', async () => {
    await w.ok(ledger.receiveStock, {
      id: 'cl-c',
      location: 'WH-1',
      lines: [{ sku: 'SKU-C', qty: 10 }],
    });
    const reserve = (id: string, qty: number, orderId?: string) =>
      w.ok(ledger.reserve, {
        id,
        channel: 'web',
        lines: [{ sku: 'SKU-C', location: 'WH-1', qty }],
        ttlSeconds: 600,
        ...(orderId ? { orderId } : {}),
      });
    await reserve('cl-cart-1', 1);
    await reserve('cl-cart-2', 1);
    await reserve('cl-order-4', 4, 'o-c1');
    await reserve('cl-order-2', 2, 'o-c2');
    // 8 reserved; 3 counted: 5 units short. Both carts (2) and then the order hold of 4.
    const counted = await w.ok(ledger.countStock, {
      id: 'cl-count',
      location: 'WH-1',
      lines: [{ sku: 'SKU-C', counted: 3 }],
    });
    expect(counted.uncoveredHolds.map((h) => h.id).sort()).toEqual([
      'cl-cart-1',
      'cl-cart-2',
      'cl-order-4',
    ]);
    expect(await w.ok(ledger.getHold, { id: 'cl-order-2' })).toMatchObject({ status: 'held' });
    expect(await w.position('SKU-C', 'WH-1')).toMatchObject({ onHand: 3, reserved: 2 });
    const lost: {
      subject: string;
      payload: { hold: { id: string; orderId: string }; countId: string };
    }[] = await w.dataSource.query(
      `SELECT subject, payload FROM ledger.outbox WHERE subject = $1`,
      [ledger.holdLost.subject],
    );
    expect(lost).toEqual([
      {
        subject: ledger.holdLost.subject,
        payload: expect.objectContaining({
          hold: expect.objectContaining({ id: 'cl-order-4', orderId: 'o-c1' }),
          countId: 'cl-count',
        }),
      },
    ]);
    expect(await w.expectNoDrift()).toEqual([]);
  });

  it('answers availability for balances whose percentage passes 2^31', async () => {
    await w.ok(ledger.receiveStock, {
      id: 'cl-big',
      location: 'WH-1',
      lines: Array.from({ length: 30 }, () => ({ sku: 'SKU-BIG', qty: LIMITS.qty_max })),
    });
    await w.ok(ledger.receiveStock, {
      id: 'cl-big-2',
      location: 'ST-1',
      lines: Array.from({ length: 30 }, () => ({ sku: 'SKU-BIG', qty: LIMITS.qty_max })),
    });
    const web = await w.ok(ledger.availability, { channel: 'web', skus: ['SKU-BIG'] });
    expect(web.items[0]).toMatchObject({ available: 60_000_000 });
    const half = await w.ok(ledger.availability, { channel: 'half', skus: ['SKU-BIG'] });
    expect(half.items[0]).toMatchObject({ available: 30_000_000 });
    expect(await w.expectNoDrift()).toEqual([]);
  });

  it('refuses to grow a position past its named limit, with a typed error and no change', async () => {
    const before = await w.position('SKU-BIG', 'WH-1');
    const lines = Array.from({ length: LIMITS.lines_max }, () => ({
      sku: 'SKU-BIG',
      qty: LIMITS.qty_max,
    }));
    // 30 M are there; each receipt adds 200 M; the fifth would pass the 1,000 M limit.
    for (let i = 0; i < 4; i++)
      await w.ok(ledger.receiveStock, { id: `cl-fill-${i}`, location: 'WH-1', lines });
    const over = await w.call(ledger.receiveStock, { id: 'cl-over', location: 'WH-1', lines });
    expect(over).toMatchObject({ ok: false, error: { code: 'POSITION_LIMIT_EXCEEDED' } });
    expect(await w.position('SKU-BIG', 'WH-1')).toMatchObject({
      onHand: before.onHand + 4 * LIMITS.lines_max * LIMITS.qty_max,
    });
    const total = await w.ok(ledger.availability, { channel: 'web', skus: ['SKU-BIG'] });
    expect(total.items[0]!.available).toBe(830_000_000 + 30_000_000);
  });
});
