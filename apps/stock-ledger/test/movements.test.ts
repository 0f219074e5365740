import { ledger } from '@omnistock/contracts';
import { CART, LedgerWorld } from './support/ledger-world.js';

describe('movements and the audit trail', () => {
  let w: LedgerWorld;

  beforeAll(async () => {
    w = await LedgerWorld.create('movements');
    await w.seedReference(['SKU-M', 'SKU-N']);
    await w.ok(ledger.receiveStock, {
      id: 'm-rcpt',
      location: 'WH-1',
      lines: [
        { sku: 'SKU-M', qty: 20 },
        { sku: 'SKU-N', qty: 5 },
      ],
    });
  });

  afterAll(() => w.dispose());

  it('posts adjustments with their reason', async () => {
    const reply = await w.ok(ledger.adjustStock, {
      id: 'm-adj',
      location: 'WH-1',
      lines: [{ sku: 'SKU-M', delta: -2, reason: 'damaged_in_handling' }],
    });
    expect(reply.positions[0]).toMatchObject({ sku: 'SKU-M', onHand: 18 });
    const audit = await w.ok(ledger.audit, { sku: 'SKU-M', kinds: ['adjustment'] });
    expect(audit.entries).toEqual([
      expect.objectContaining({
        kind: 'adjustment',
        reason: 'damaged_in_handling',
        delta: expect.objectContaining({ onHand: -2 }),
      }),
    ]);
  });

  it('moves stock out, in transit and in again', async () => {
    await w.ok(ledger.sendTransfer, {
      id: 'm-tr',
      from: 'WH-1',
      to: 'ST-1',
      lines: [{ sku: 'SKU-M', qty: 5 }],
    });
    expect(await w.position('SKU-M', 'WH-1')).toMatchObject({ onHand: 13 });
    expect(await w.position('SKU-M', 'ST-1')).toMatchObject({ onHand: 0, inTransit: 5 });
    const arrived = await w.ok(ledger.receiveTransfer, { id: 'm-tr' });
    expect(arrived.positions).toEqual([
      expect.objectContaining({ location: 'ST-1', onHand: 5, inTransit: 0 }),
    ]);
    expect(await w.ok(ledger.receiveTransfer, { id: 'm-tr' })).toEqual(arrived);
    expect(await w.position('SKU-M', 'ST-1')).toMatchObject({ onHand: 5, inTransit: 0 });
  });

  it('quarantines, releases and writes off', async () => {
    await w.ok(ledger.quarantineStock, {
      id: 'm-q1',
      location: 'ST-1',
      from: 'on_hand',
      lines: [{ sku: 'SKU-M', qty: 2 }],
      reason: 'damaged',
    });
    await w.ok(ledger.quarantineStock, {
      id: 'm-q2',
      location: 'ST-1',
      from: 'customer',
      lines: [{ sku: 'SKU-M', qty: 1 }],
      reason: 'returned_damaged',
    });
    expect(await w.position('SKU-M', 'ST-1')).toMatchObject({ onHand: 3, quarantine: 3 });
    await w.ok(ledger.releaseQuarantine, {
      id: 'm-q3',
      location: 'ST-1',
      lines: [{ sku: 'SKU-M', qty: 1 }],
      reason: 'repaired',
    });
    await w.ok(ledger.writeOff, {
      id: 'm-wo',
      location: 'ST-1',
      bucket: 'quarantine',
      lines: [{ sku: 'SKU-M', qty: 2 }],
      reason: 'scrap',
    });
    expect(await w.position('SKU-M', 'ST-1')).toMatchObject({ onHand: 4, quarantine: 0 });
    const available = await w.ok(ledger.availability, { channel: 'web', skus: ['SKU-M'] });
    expect(available.items[0]).toEqual({
      sku: 'SKU-M',
      available: 17,
      locations: expect.arrayContaining([
        { location: 'WH-1', available: 13 },
        { location: 'ST-1', available: 4 },
      ]),
    });
    expect(available.items[0]!.locations).toHaveLength(2);
  });

  it('counts post the difference and name the holds they can no longer cover', async () => {
    await w.ok(ledger.reserve, {
      id: 'm-h-old',
      channel: 'web',
      lines: [{ sku: 'SKU-N', location: 'WH-1', qty: 2 }],
      ttlSeconds: 600,
    });
    await w.ok(ledger.reserve, {
      id: 'm-h-order',
      channel: 'web',
      lines: [{ sku: 'SKU-N', location: 'WH-1', qty: 1 }],
      ttlSeconds: 600,
    });
    await w.ok(ledger.commit, { id: 'm-h-order', orderId: 'order-1', channel: 'web' });
    await w.ok(ledger.reserve, {
      id: 'm-h-new',
      channel: 'web',
      lines: [{ sku: 'SKU-N', location: 'WH-1', qty: 2 }],
      ttlSeconds: 600,
    });
    const counted = await w.ok(ledger.countStock, {
      id: 'm-count',
      location: 'WH-1',
      lines: [{ sku: 'SKU-N', counted: 3 }],
    });
    expect(counted.uncoveredHolds).toEqual([
      { id: 'm-h-new', sku: 'SKU-N', qty: 2, orderId: null },
    ]);
    expect(counted.positions[0]).toMatchObject({ onHand: 3, reserved: 3 });
    expect(await w.ok(ledger.getHold, { id: 'm-h-new' })).toMatchObject({ status: 'released' });
    expect(await w.ok(ledger.getHold, { id: 'm-h-order' })).toMatchObject({ status: 'committed' });
    const audit = await w.ok(ledger.audit, { sku: 'SKU-N', kinds: ['count'] });
    expect(audit.entries).toEqual([
      expect.objectContaining({
        delta: expect.objectContaining({ onHand: -2 }),
        reason: 'counted 3',
      }),
    ]);
  });

  it('moves a hold to another location atomically', async () => {
    await w.ok(ledger.receiveStock, {
      id: 'm-rcpt-st2',
      location: 'ST-2',
      lines: [{ sku: 'SKU-M', qty: 2 }],
    });
    await w.ok(ledger.reserve, {
      id: 'm-h-move',
      channel: 'web',
      lines: [{ sku: 'SKU-M', location: 'WH-1', qty: 2 }],
      ttlSeconds: 600,
    });
    const moved = await w.ok(ledger.moveHold, {
      id: 'm-h-move',
      from: 'WH-1',
      to: 'ST-2',
      principal: CART,
    });
    expect(moved.lines).toEqual([{ sku: 'SKU-M', location: 'ST-2', qty: 2 }]);
    expect(await w.position('SKU-M', 'WH-1')).toMatchObject({ reserved: 0 });
    expect(await w.position('SKU-M', 'ST-2')).toMatchObject({ reserved: 2 });
    expect(
      await w.ok(ledger.moveHold, { id: 'm-h-move', from: 'WH-1', to: 'ST-2', principal: CART }),
    ).toEqual(moved);
  });

  it('keeps a running balance per position that the positions agree with', async () => {
    const audit = await w.ok(ledger.audit, { sku: 'SKU-M', location: 'WH-1' });
    let running = 0;
    audit.entries.forEach((entry, index) => {
      running += entry.delta.onHand;
      expect(entry.balance.onHand).toBe(running);
      expect(entry.seq).toBe(index + 1);
    });
    expect(running).toBe((await w.position('SKU-M', 'WH-1')).onHand);
    expect(await w.expectNoDrift()).toEqual([]);
  });

  it('lists locations with their capabilities', async () => {
    const listed = await w.ok(ledger.listLocations, { codes: ['ST-1'] });
    expect(listed.locations).toEqual([
      expect.objectContaining({
        code: 'ST-1',
        kind: 'store',
        capabilities: ['pickup', 'ship_from_store', 'returns'],
      }),
    ]);
  });

  it('reports drift when a balance no longer matches its entries', async () => {
    await w.dataSource.query(
      `UPDATE ledger.positions SET on_hand = on_hand + 1 WHERE sku = 'SKU-N' AND location = 'WH-1'`,
    );
    const drift = await w.expectNoDrift();
    expect(drift).toEqual([
      { sku: 'SKU-N', location: 'WH-1', bucket: 'on_hand', stored: 4, derived: 3 },
    ]);
    await w.dataSource.query(
      `UPDATE ledger.positions SET on_hand = on_hand - 1 WHERE sku = 'SKU-N' AND location = 'WH-1'`,
    );
  });
});
