import { ledger, returns } from '@omnistock/contracts';
import { ReturnsWorld } from './support/returns-world.js';

const reason = 'changed_mind' as const;

describe('returns anywhere', () => {
  let w: ReturnsWorld;

  beforeAll(async () => {
    w = await ReturnsWorld.create('returns');
  });

  afterAll(() => w.dispose());

  it('takes back an online order at a store: resellable units are sellable there at once', async () => {
    w.routing.addShippedOrder('o-resell', [{ sku: 'SKU-R', qty: 2 }]);
    const authorised = await w.ok(returns.createReturn, {
      id: 'r-resell',
      orderId: 'o-resell',
      lines: [{ sku: 'SKU-R', qty: 2, reason }],
    });
    expect(authorised).toMatchObject({ status: 'authorised', channel: 'web', location: null });
    expect(await w.available('SKU-R', 'ST-1')).toBe(0);
    await w.ok(returns.receiveReturn, {
      id: 'r-resell',
      location: 'ST-1',
      lines: [{ sku: 'SKU-R', qty: 2 }],
    });
    const closed = await w.ok(returns.inspectReturn, {
      id: 'r-resell',
      lines: [{ sku: 'SKU-R', qty: 2, grade: 'resellable' }],
    });
    expect(closed).toMatchObject({
      status: 'closed',
      dispositions: [
        { sku: 'SKU-R', qty: 2, grade: 'resellable', disposition: 'restock', location: 'ST-1' },
      ],
    });
    expect(await w.available('SKU-R', 'ST-1')).toBe(2);
    const audit = await w.ok(ledger.audit, { sku: 'SKU-R', location: 'ST-1' });
    expect(audit.entries).toEqual([
      expect.objectContaining({ kind: 'return_restock', reference: 'return:r-resell' }),
    ]);
    expect(await w.noDrift()).toEqual([]);
  });

  it('quarantines damaged units: on the books, not for sale', async () => {
    w.routing.addShippedOrder('o-damaged', [{ sku: 'SKU-S', qty: 1 }]);
    await w.ok(returns.createReturn, {
      id: 'r-damaged',
      orderId: 'o-damaged',
      lines: [{ sku: 'SKU-S', qty: 1, reason: 'damaged' }],
    });
    await w.ok(returns.receiveReturn, {
      id: 'r-damaged',
      location: 'ST-2',
      lines: [{ sku: 'SKU-S', qty: 1 }],
    });
    await w.ok(returns.inspectReturn, {
      id: 'r-damaged',
      lines: [{ sku: 'SKU-S', qty: 1, grade: 'damaged' }],
    });
    expect(await w.position('SKU-S', 'ST-2')).toEqual({ onHand: 0, reserved: 0, quarantine: 1 });
    expect(await w.available('SKU-S', 'ST-2')).toBe(0);
    expect(await w.noDrift()).toEqual([]);
  });

  it('writes off defective units through quarantine, so the ledger shows where they went', async () => {
    w.routing.addShippedOrder('o-defective', [{ sku: 'SKU-S', qty: 1 }]);
    await w.ok(returns.createReturn, {
      id: 'r-defective',
      orderId: 'o-defective',
      lines: [{ sku: 'SKU-S', qty: 1, reason: 'defective' }],
    });
    await w.ok(returns.receiveReturn, {
      id: 'r-defective',
      location: 'ST-1',
      lines: [{ sku: 'SKU-S', qty: 1 }],
    });
    await w.ok(returns.inspectReturn, {
      id: 'r-defective',
      lines: [{ sku: 'SKU-S', qty: 1, grade: 'defective' }],
    });
    const audit = await w.ok(ledger.audit, { sku: 'SKU-S', location: 'ST-1' });
    expect(audit.entries.map((e) => e.kind)).toEqual(['quarantine_in', 'write_off']);
    expect(await w.position('SKU-S', 'ST-1')).toEqual({ onHand: 0, reserved: 0, quarantine: 0 });
  });

  it('accepts a partial receipt and refunds only what came back', async () => {
    w.routing.addShippedOrder('o-partial', [{ sku: 'SKU-R', qty: 3 }]);
    await w.ok(returns.createReturn, {
      id: 'r-partial',
      orderId: 'o-partial',
      lines: [{ sku: 'SKU-R', qty: 3, reason }],
    });
    const received = await w.ok(returns.receiveReturn, {
      id: 'r-partial',
      location: 'ST-2',
      lines: [{ sku: 'SKU-R', qty: 1 }],
    });
    expect(received.received).toEqual([{ sku: 'SKU-R', qty: 1 }]);
    const refused = await w.call(returns.inspectReturn, {
      id: 'r-partial',
      lines: [{ sku: 'SKU-R', qty: 3, grade: 'resellable' }],
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    await w.ok(returns.inspectReturn, {
      id: 'r-partial',
      lines: [{ sku: 'SKU-R', qty: 1, grade: 'resellable' }],
    });
    expect(await w.available('SKU-R', 'ST-2')).toBe(1);
  });

  it('counts a double receipt and a double inspection once', async () => {
    w.routing.addShippedOrder('o-twice', [{ sku: 'SKU-R', qty: 1 }]);
    await w.ok(returns.createReturn, {
      id: 'r-twice',
      orderId: 'o-twice',
      lines: [{ sku: 'SKU-R', qty: 1, reason }],
    });
    const receipt = { id: 'r-twice', location: 'ST-1', lines: [{ sku: 'SKU-R', qty: 1 }] };
    const receipts = await Promise.all([1, 2, 3].map(() => w.ok(returns.receiveReturn, receipt)));
    expect(new Set(receipts.map((r) => JSON.stringify(r))).size).toBe(1);
    const before = await w.available('SKU-R', 'ST-1');
    const inspection = {
      id: 'r-twice',
      lines: [{ sku: 'SKU-R', qty: 1, grade: 'resellable' as const }],
    };
    await Promise.all([1, 2, 3].map(() => w.call(returns.inspectReturn, inspection)));
    expect(await w.ok(returns.inspectReturn, inspection)).toMatchObject({ status: 'closed' });
    expect(await w.available('SKU-R', 'ST-1')).toBe(before + 1);
    expect(await w.noDrift()).toEqual([]);
  });

  it('authorises the same units once when two desks submit at the same moment', async () => {
    w.routing.addShippedOrder('o-race', [{ sku: 'SKU-R', qty: 1 }]);
    const replies = await Promise.all(
      ['r-race-a', 'r-race-b', 'r-race-c'].map((id) =>
        w.call(returns.createReturn, {
          id,
          orderId: 'o-race',
          lines: [{ sku: 'SKU-R', qty: 1, reason }],
        }),
      ),
    );
    expect(replies.filter((r) => r.ok)).toHaveLength(1);
    expect(replies.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.error.code))).toEqual([
      'RETURN_NOT_ALLOWED',
      'RETURN_NOT_ALLOWED',
    ]);
    const same = {
      id: 'r-race-same',
      orderId: 'o-race',
      lines: [{ sku: 'SKU-R', qty: 1, reason }],
    };
    w.routing.addShippedOrder('o-race', [{ sku: 'SKU-R', qty: 2 }]);
    const replays = await Promise.all([1, 2, 3].map(() => w.ok(returns.createReturn, same)));
    expect(new Set(replays.map((r) => JSON.stringify(r))).size).toBe(1);
  });

  it('holds an exchange at once and turns it into an order when the return arrives', async () => {
    w.routing.addShippedOrder('o-exchange', [{ sku: 'SKU-R', qty: 1 }]);
    const created = await w.ok(returns.createReturn, {
      id: 'r-exchange',
      orderId: 'o-exchange',
      lines: [{ sku: 'SKU-R', qty: 1, reason: 'wrong_size' }],
      exchange: { lines: [{ sku: 'SKU-X', qty: 1 }] },
    });
    expect(created.exchange).toMatchObject({
      status: 'held',
      lines: [{ sku: 'SKU-X', location: 'WH-1', qty: 1 }],
    });
    // Made for the exchange order and committed to it: only that order may release or take it.
    expect(await w.ok(ledger.getHold, { id: created.exchange!.holdId })).toMatchObject({
      status: 'committed',
      orderId: expect.stringMatching(/^x-/),
    });
    expect(await w.position('SKU-X', 'WH-1')).toMatchObject({ reserved: 1 });
    const received = await w.ok(returns.receiveReturn, {
      id: 'r-exchange',
      location: 'ST-1',
      lines: [{ sku: 'SKU-R', qty: 1 }],
    });
    expect(received.exchange).toMatchObject({
      status: 'ordered',
      orderId: expect.stringMatching(/^x-/),
    });
    expect(w.routing.placed).toEqual([
      expect.objectContaining({
        id: received.exchange!.orderId,
        reservationId: created.exchange!.holdId,
        lines: [{ sku: 'SKU-X', qty: 1 }],
      }),
    ]);
  });

  it('refuses an exchange whose replacement is out of stock, and stores nothing', async () => {
    w.routing.addShippedOrder('o-exchange-out', [{ sku: 'SKU-R', qty: 1 }]);
    const rows = await w.returnsRows();
    const refused = await w.call(returns.createReturn, {
      id: 'r-exchange-out',
      orderId: 'o-exchange-out',
      lines: [{ sku: 'SKU-R', qty: 1, reason }],
      exchange: { lines: [{ sku: 'SKU-OUT', qty: 1 }] },
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INSUFFICIENT_STOCK' } });
    expect(await w.returnsRows()).toBe(rows);
  });

  it('gives the exchange back when the desk cancels, acting as the exchange order', async () => {
    const created = await w.exchangeReturn('r-cancel-x');
    const reservedBefore = (await w.position('SKU-X', 'WH-1')).reserved;
    expect(await w.ok(returns.cancelReturn, { id: 'r-cancel-x' })).toMatchObject({
      status: 'cancelled',
      exchange: { status: 'released' },
    });
    expect(await w.ok(ledger.getHold, { id: created.exchange!.holdId })).toMatchObject({
      status: 'released',
    });
    expect((await w.position('SKU-X', 'WH-1')).reserved).toBe(reservedBefore - 1);
    const announced: { payload: unknown }[] = await w.returns.runtime.dataSource.query(
      `SELECT payload FROM returns.outbox WHERE subject = $1`,
      [returns.exchangeCancelled.subject],
    );
    expect(announced).toEqual([
      {
        payload: expect.objectContaining({
          returnId: 'r-cancel-x',
          holdId: created.exchange!.holdId,
        }),
      },
    ]);
  });

  it('expires a return nobody brought in time, and gives its exchange back', async () => {
    const created = await w.exchangeReturn('r-expire');
    const reservedBefore = (await w.position('SKU-X', 'WH-1')).reserved;
    await w.returns.runtime.dataSource.query(
      `UPDATE returns.returns SET receive_by = clock_timestamp() - interval '1 second' WHERE id = 'r-expire'`,
    );
    // The sweeper expires the return and starts the release of its exchange; the saga ends it.
    for (
      let attempt = 0;
      attempt < 30 &&
      (await w.ok(returns.getReturn, { id: 'r-expire' })).exchange?.status !== 'released';
      attempt++
    ) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(await w.ok(returns.getReturn, { id: 'r-expire' })).toMatchObject({
      status: 'expired',
      exchange: { status: 'released' },
    });
    expect(await w.ok(ledger.getHold, { id: created.exchange!.holdId })).toMatchObject({
      status: 'released',
    });
    expect((await w.position('SKU-X', 'WH-1')).reserved).toBe(reservedBefore - 1);
  });
});

describe('a channel that sends resellable returns on', () => {
  let w: ReturnsWorld;

  beforeAll(async () => {
    w = await ReturnsWorld.create('returns_transfer');
    await w.ok(returns.configureReturnPolicies, {
      policies: [{ channel: 'web', windowDays: 30, receiveWithinDays: 30, resellableTo: 'WH-1' }],
    });
  });

  afterAll(() => w.dispose());

  it('restocks where received and sends the units on by transfer, with the return as reference', async () => {
    await w.receivedReturn('r-send-on', 'ST-2', [{ sku: 'SKU-S', qty: 2 }]);
    const closed = await w.ok(returns.inspectReturn, {
      id: 'r-send-on',
      lines: [
        { sku: 'SKU-S', qty: 1, grade: 'resellable' },
        { sku: 'SKU-S', qty: 1, grade: 'damaged' },
      ],
    });
    expect(closed.dispositions).toEqual([
      { sku: 'SKU-S', qty: 1, grade: 'resellable', disposition: 'transfer', location: 'WH-1' },
      { sku: 'SKU-S', qty: 1, grade: 'damaged', disposition: 'quarantine', location: 'ST-2' },
    ]);
    expect(await w.position('SKU-S', 'ST-2')).toEqual({ onHand: 0, reserved: 0, quarantine: 1 });
    const [{ in_transit }] = await w.returns.runtime.dataSource.query(
      `SELECT in_transit FROM ledger.positions WHERE sku = 'SKU-S' AND location = 'WH-1'`,
    );
    expect(in_transit).toBe(1);
    expect(await w.noDrift()).toEqual([]);
  });

  it('refuses a policy naming an unknown location', async () => {
    expect(
      await w.call(returns.configureReturnPolicies, {
        policies: [
          { channel: 'web', windowDays: 30, receiveWithinDays: 30, resellableTo: 'NOWHERE' },
        ],
      }),
    ).toMatchObject({ ok: false, error: { code: 'UNKNOWN_LOCATION' } });
  });
});
