import { ledger } from '@omnistock/contracts';
import { CART, LedgerWorld, orderOf } from './support/ledger-world.js';

const cartHold = (id: string, channel = 'web', qty = 1) => ({
  id,
  channel,
  lines: [{ sku: 'SKU-W', location: 'WH-1', qty }],
  ttlSeconds: 600,
});

/** Holds have owners: a cart's channel until an order adopts it, then that order alone. */
describe('hold ownership', () => {
  let w: LedgerWorld;

  beforeAll(async () => {
    w = await LedgerWorld.create('ownership');
    await w.seedReference(['SKU-W', 'SKU-T'], [{ code: 'web' }, { code: 'app' }]);
    await w.ok(ledger.receiveStock, {
      id: 'own-rcpt',
      location: 'WH-1',
      lines: [
        { sku: 'SKU-W', qty: 50 },
        { sku: 'SKU-T', qty: 10 },
      ],
    });
  });

  afterAll(() => w.dispose());

  const refused = (code: string) => ({ ok: false, error: { code } });

  it('keeps an adopted cart hold from its storefront: release, extend, move and fulfil are refused and change nothing', async () => {
    await w.ok(ledger.reserve, cartHold('own-cart'));
    const adopted = await w.ok(ledger.commit, { id: 'own-cart', orderId: 'o-1', channel: 'web' });
    expect(adopted).toMatchObject({ status: 'committed', orderId: 'o-1', expiresAt: null });
    const before = await w.position('SKU-W', 'WH-1');
    expect(await w.call(ledger.release, { id: 'own-cart', principal: CART })).toMatchObject(
      refused('HOLD_OWNED_BY_ORDER'),
    );
    expect(
      await w.call(ledger.extend, { id: 'own-cart', ttlSeconds: 60, principal: CART }),
    ).toMatchObject(refused('HOLD_OWNED_BY_ORDER'));
    expect(
      await w.call(ledger.moveHold, { id: 'own-cart', from: 'WH-1', to: 'ST-1', principal: CART }),
    ).toMatchObject(refused('HOLD_OWNED_BY_ORDER'));
    expect(await w.call(ledger.fulfil, { id: 'own-cart', principal: CART })).toMatchObject(
      refused('HOLD_OWNED_BY_ORDER'),
    );
    expect(await w.position('SKU-W', 'WH-1')).toEqual(before);
    expect(await w.ok(ledger.getHold, { id: 'own-cart' })).toMatchObject({
      status: 'committed',
      orderId: 'o-1',
      seq: adopted.seq,
    });
  });

  it('lets one order adopt a cart hold, never two: the second is a 409, not a replay', async () => {
    await w.ok(ledger.reserve, cartHold('own-twice'));
    const first = await w.ok(ledger.commit, { id: 'own-twice', orderId: 'o-a', channel: 'web' });
    expect(
      await w.call(ledger.commit, { id: 'own-twice', orderId: 'o-b', channel: 'web' }),
    ).toMatchObject(refused('HOLD_OWNED_BY_ORDER'));
    expect(await w.ok(ledger.commit, { id: 'own-twice', orderId: 'o-a', channel: 'web' })).toEqual(
      first,
    );
    expect(
      await w.call(ledger.release, { id: 'own-twice', principal: orderOf('o-b') }),
    ).toMatchObject(refused('HOLD_OWNED_BY_ORDER'));
    expect(
      (await w.ok(ledger.release, { id: 'own-twice', principal: orderOf('o-a') })).status,
    ).toBe('released');
  });

  it('lets two orders race for one cart hold and gives it to exactly one', async () => {
    await w.ok(ledger.reserve, cartHold('own-race'));
    const replies = await Promise.all(
      ['o-r1', 'o-r2', 'o-r3', 'o-r4'].map((orderId) =>
        w.call(ledger.commit, { id: 'own-race', orderId, channel: 'web' }),
      ),
    );
    expect(replies.filter((reply) => reply.ok)).toHaveLength(1);
    expect(replies.flatMap((reply) => (reply.ok ? [] : [reply.error.code]))).toEqual(
      Array(3).fill('HOLD_OWNED_BY_ORDER'),
    );
  });

  it('lets an order adopt only its own channel`s carts', async () => {
    await w.ok(ledger.reserve, cartHold('own-app', 'app'));
    expect(
      await w.call(ledger.commit, { id: 'own-app', orderId: 'o-web', channel: 'web' }),
    ).toMatchObject(refused('HOLD_NOT_FOUND'));
    expect(await w.ok(ledger.getHold, { id: 'own-app' })).toMatchObject({
      status: 'held',
      orderId: null,
    });
  });

  it('answers a caller bound to other channels as if the hold did not exist', async () => {
    await w.ok(ledger.reserve, cartHold('own-hidden', 'app'));
    const webOnly = { kind: 'cart' as const, channels: ['web'] };
    for (const reply of [
      await w.call(ledger.release, { id: 'own-hidden', principal: webOnly }),
      await w.call(ledger.getHold, { id: 'own-hidden', principal: webOnly }),
      await w.call(ledger.getHold, { id: 'own-nobody', principal: webOnly }),
    ])
      expect(reply).toMatchObject(refused('HOLD_NOT_FOUND'));
    expect(
      (
        await w.ok(ledger.release, {
          id: 'own-hidden',
          principal: { kind: 'cart', channels: ['app'] },
        })
      ).status,
    ).toBe('released');
  });

  it('keeps an order from acting on a cart hold it did not adopt', async () => {
    await w.ok(ledger.reserve, cartHold('own-unadopted'));
    expect(
      await w.call(ledger.release, { id: 'own-unadopted', principal: orderOf('o-x') }),
    ).toMatchObject(refused('HOLD_OWNED_BY_CART'));
  });

  it('makes a hold for an order its own from the start, expiring until the order commits it', async () => {
    const hold = await w.ok(ledger.reserve, { ...cartHold('o-2:1:WH-1'), orderId: 'o-2' });
    expect(hold).toMatchObject({ status: 'held', orderId: 'o-2', seq: 1 });
    expect(hold.expiresAt).not.toBeNull();
    expect(await w.call(ledger.release, { id: 'o-2:1:WH-1', principal: CART })).toMatchObject(
      refused('HOLD_OWNED_BY_ORDER'),
    );
    const committed = await w.ok(ledger.commit, {
      id: 'o-2:1:WH-1',
      orderId: 'o-2',
      channel: 'web',
    });
    expect(committed).toMatchObject({ status: 'committed', expiresAt: null, seq: 2 });
  });

  it('numbers every change of a hold, and its events carry the number', async () => {
    await w.ok(ledger.receiveStock, {
      id: 'own-st1',
      location: 'ST-1',
      lines: [{ sku: 'SKU-W', qty: 5 }],
    });
    await w.ok(ledger.reserve, cartHold('own-seq'));
    await w.ok(ledger.extend, { id: 'own-seq', ttlSeconds: 900, principal: CART });
    await w.ok(ledger.moveHold, { id: 'own-seq', from: 'WH-1', to: 'ST-1', principal: CART });
    const done = await w.ok(ledger.release, { id: 'own-seq', principal: CART });
    expect(done.seq).toBe(4);
    const events: { message_id: string; seq: number }[] = await w.dataSource.query(
      `SELECT message_id, (payload->>'seq')::int AS seq FROM ledger.outbox
       WHERE payload->>'id' = 'own-seq' ORDER BY id`,
    );
    expect(events).toEqual([
      { message_id: 'hold:own-seq:1', seq: 1 },
      { message_id: 'hold:own-seq:3', seq: 3 },
      { message_id: 'hold:own-seq:4', seq: 4 },
    ]);
  });

  it('sends a held leg on as a transfer in one step, for its owner only, once', async () => {
    await w.ok(ledger.reserve, { ...cartHold('o-3:1:WH-1', 'web', 2), orderId: 'o-3' });
    await w.ok(ledger.commit, { id: 'o-3:1:WH-1', orderId: 'o-3', channel: 'web' });
    const send = {
      id: 'o-3:1:WH-1',
      transferId: 'o-3:leg',
      to: 'ST-2',
      principal: orderOf('o-3'),
    };
    expect(await w.call(ledger.transferHold, { ...send, principal: CART })).toMatchObject(
      refused('HOLD_OWNED_BY_ORDER'),
    );
    const before = await w.position('SKU-W', 'WH-1');
    const sent = await w.ok(ledger.transferHold, send);
    expect(sent.hold).toMatchObject({ status: 'fulfilled' });
    expect(await w.position('SKU-W', 'WH-1')).toMatchObject({
      onHand: before.onHand - 2,
      reserved: before.reserved - 2,
    });
    expect(await w.position('SKU-W', 'ST-2')).toMatchObject({ inTransit: 2, onHand: 0 });
    expect(await w.ok(ledger.transferHold, send)).toEqual(sent);
    // Arrival holds the units for the order in the same step: no shopper can take them first.
    const arrived = await w.ok(ledger.receiveTransfer, {
      id: 'o-3:leg',
      holdFor: { holdId: 'o-3:leg:in', orderId: 'o-3', channel: 'web' },
    });
    expect(arrived.hold).toMatchObject({ status: 'committed', orderId: 'o-3' });
    expect(await w.position('SKU-W', 'ST-2')).toMatchObject({
      inTransit: 0,
      onHand: 2,
      reserved: 2,
    });
    expect(await w.expectNoDrift()).toEqual([]);
  });

  it('frees a hold made for an order that never committed it, on its own time', async () => {
    // Order routing commits its holds once the order is recorded; one it never got to
    // (its saga lost for good) is not kept forever: it expires like a cart's.
    await w.ok(ledger.reserve, { ...cartHold('o-gone:1:WH-1'), ttlSeconds: 1, orderId: 'o-gone' });
    let hold = await w.ok(ledger.getHold, { id: 'o-gone:1:WH-1' });
    for (let i = 0; i < 40 && hold.status === 'held'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      hold = await w.ok(ledger.getHold, { id: 'o-gone:1:WH-1' });
    }
    expect(hold).toMatchObject({ status: 'expired', orderId: 'o-gone' });
    expect(await w.expectNoDrift()).toEqual([]);
  });
});
