import { ledger } from '@omnistock/contracts';
import { CART, LedgerWorld } from './support/ledger-world.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('hold expiry', () => {
  let w: LedgerWorld;

  beforeAll(async () => {
    w = await LedgerWorld.create('expiry');
    await w.seedReference(['SKU-E']);
    await w.ok(ledger.receiveStock, {
      id: 'rcpt-e',
      location: 'WH-1',
      lines: [{ sku: 'SKU-E', qty: 5 }],
    });
  });

  afterAll(() => w.dispose());

  it('expires a cart hold within a second of its TTL', async () => {
    await w.ok(ledger.reserve, {
      id: 'exp-live',
      channel: 'web',
      lines: [{ sku: 'SKU-E', location: 'WH-1', qty: 1 }],
      ttlSeconds: 1,
    });
    await sleep(2_000);
    expect(await w.ok(ledger.getHold, { id: 'exp-live' })).toMatchObject({ status: 'expired' });
    expect(await w.position('SKU-E', 'WH-1')).toMatchObject({ reserved: 0 });
  });

  it('expires a hold whose TTL ran out while the service was down, once', async () => {
    await w.ok(ledger.reserve, {
      id: 'exp-restart',
      channel: 'web',
      lines: [{ sku: 'SKU-E', location: 'WH-1', qty: 2 }],
      ttlSeconds: 2,
    });
    expect(await w.position('SKU-E', 'WH-1')).toMatchObject({ reserved: 2 });
    await w.stopReplica(w.replicas[0]!);
    await sleep(3_000);
    await w.startReplica();
    await sleep(1_000);
    expect(await w.ok(ledger.getHold, { id: 'exp-restart' })).toMatchObject({ status: 'expired' });
    expect(await w.position('SKU-E', 'WH-1')).toMatchObject({ onHand: 5, reserved: 0 });
    const entries = await w.ok(ledger.audit, { sku: 'SKU-E', kinds: ['hold_expiry'] });
    expect(
      entries.entries.filter((entry) => entry.commandId === 'expired:exp-restart'),
    ).toHaveLength(1);
    expect(await w.expectNoDrift()).toEqual([]);
  });

  it('refuses to commit, extend or release a hold that has expired', async () => {
    const expired = { ok: false, error: { code: 'INVALID_TRANSITION' } };
    expect(
      await w.call(ledger.commit, { id: 'exp-live', orderId: 'o-late', channel: 'web' }),
    ).toMatchObject(expired);
    expect(await w.call(ledger.release, { id: 'exp-live', principal: CART })).toMatchObject(
      expired,
    );
    expect(await w.call(ledger.fulfil, { id: 'exp-live', principal: CART })).toMatchObject(expired);
    expect(
      await w.call(ledger.extend, { id: 'exp-live', ttlSeconds: 60, principal: CART }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_TRANSITION' },
    });
  });

  it('never lets a committed hold expire', async () => {
    await w.ok(ledger.reserve, {
      id: 'exp-commit',
      channel: 'web',
      lines: [{ sku: 'SKU-E', location: 'WH-1', qty: 1 }],
      ttlSeconds: 1,
    });
    const committed = await w.ok(ledger.commit, {
      id: 'exp-commit',
      orderId: 'order-9',
      channel: 'web',
    });
    expect(committed).toMatchObject({ status: 'committed', expiresAt: null });
    await sleep(1_500);
    expect(await w.ok(ledger.getHold, { id: 'exp-commit' })).toMatchObject({ status: 'committed' });
    expect(await w.position('SKU-E', 'WH-1')).toMatchObject({ reserved: 1 });
  });

  it('extends a held cart hold from now, not from its old expiry', async () => {
    const hold = await w.ok(ledger.reserve, {
      id: 'exp-extend',
      channel: 'web',
      lines: [{ sku: 'SKU-E', location: 'WH-1', qty: 1 }],
      ttlSeconds: 1,
    });
    const extended = await w.ok(ledger.extend, {
      id: 'exp-extend',
      ttlSeconds: 120,
      principal: CART,
    });
    expect(Date.parse(extended.expiresAt!) - Date.parse(hold.expiresAt!)).toBeGreaterThan(100_000);
    await sleep(1_500);
    expect(await w.ok(ledger.getHold, { id: 'exp-extend' })).toMatchObject({ status: 'held' });
  });
});
