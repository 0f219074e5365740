import { ledger } from '@omnistock/contracts';
import { orderOf, LedgerWorld } from './support/ledger-world.js';

describe('holds', () => {
  let w: LedgerWorld;

  beforeAll(async () => {
    w = await LedgerWorld.create('holds');
    await w.seedReference(
      ['SKU-A', 'SKU-B'],
      [{ code: 'web' }, { code: 'marketplace', capPercent: 50, safetyStock: 2 }],
    );
    await w.ok(ledger.receiveStock, {
      id: 'rcpt-1',
      location: 'WH-1',
      lines: [
        { sku: 'SKU-A', qty: 10 },
        { sku: 'SKU-B', qty: 4 },
      ],
    });
  });

  afterAll(() => w.dispose());

  it('holds, commits and fulfils, moving units from on_hand to the customer', async () => {
    const hold = await w.ok(ledger.reserve, {
      id: 'h-1',
      channel: 'web',
      lines: [
        { sku: 'SKU-A', location: 'WH-1', qty: 2 },
        { sku: 'SKU-A', location: 'WH-1', qty: 1 },
      ],
      ttlSeconds: 60,
    });
    expect(hold).toMatchObject({
      id: 'h-1',
      status: 'held',
      lines: [{ sku: 'SKU-A', location: 'WH-1', qty: 3 }],
    });
    expect(await w.position('SKU-A', 'WH-1')).toMatchObject({ onHand: 10, reserved: 3 });
    const committed = await w.ok(ledger.commit, { id: 'h-1', orderId: 'order-1', channel: 'web' });
    expect(committed).toMatchObject({ status: 'committed', orderId: 'order-1' });
    const fulfilled = await w.ok(ledger.fulfil, { id: 'h-1', principal: orderOf('order-1') });
    expect(fulfilled.status).toBe('fulfilled');
    expect(await w.position('SKU-A', 'WH-1')).toMatchObject({ onHand: 7, reserved: 0 });
    expect(await w.expectNoDrift()).toEqual([]);
  });

  it('is all or nothing over its lines', async () => {
    const reply = await w.call(ledger.reserve, {
      id: 'h-2',
      channel: 'web',
      lines: [
        { sku: 'SKU-A', location: 'WH-1', qty: 1 },
        { sku: 'SKU-B', location: 'WH-1', qty: 5 },
      ],
      ttlSeconds: 60,
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'INSUFFICIENT_STOCK' } });
    expect(await w.position('SKU-A', 'WH-1')).toMatchObject({ reserved: 0 });
  });

  it('applies the channel cap and safety stock', async () => {
    const available = await w.ok(ledger.availability, { channel: 'marketplace', skus: ['SKU-B'] });
    expect(available.items[0]).toMatchObject({ sku: 'SKU-B', available: 1 });
    const reply = await w.call(ledger.reserve, {
      id: 'h-3',
      channel: 'marketplace',
      lines: [{ sku: 'SKU-B', location: 'WH-1', qty: 2 }],
      ttlSeconds: 60,
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'INSUFFICIENT_STOCK' } });
  });
});
