import { ledger } from '@omnistock/contracts';
import { CART, LedgerWorld } from './support/ledger-world.js';

describe('idempotency', () => {
  let w: LedgerWorld;

  beforeAll(async () => {
    w = await LedgerWorld.create('idempotency');
    await w.seedReference(['SKU-I']);
  });

  afterAll(() => w.dispose());

  it('applies a receipt replayed concurrently once and answers every replay with the first reply', async () => {
    const receipt = { id: 'rcpt-concurrent', location: 'WH-1', lines: [{ sku: 'SKU-I', qty: 7 }] };
    const replies = await Promise.all(
      Array.from({ length: 20 }, () => w.ok(ledger.receiveStock, receipt)),
    );
    expect(new Set(replies.map((reply) => JSON.stringify(reply))).size).toBe(1);
    expect(await w.position('SKU-I', 'WH-1')).toMatchObject({ onHand: 7, seq: 1 });
  });

  it('places a hold replayed concurrently once, with the same reply', async () => {
    const hold = {
      id: 'hold-concurrent',
      channel: 'web',
      lines: [{ sku: 'SKU-I', location: 'WH-1', qty: 2 }],
      ttlSeconds: 300,
    };
    const replies = await Promise.all(Array.from({ length: 20 }, () => w.ok(ledger.reserve, hold)));
    expect(new Set(replies.map((reply) => JSON.stringify(reply))).size).toBe(1);
    expect(await w.position('SKU-I', 'WH-1')).toMatchObject({ reserved: 2 });
  });

  it('answers a key reused with a different payload with IDEMPOTENCY_CONFLICT and changes nothing', async () => {
    const before = await w.position('SKU-I', 'WH-1');
    const reply = await w.call(ledger.receiveStock, {
      id: 'rcpt-concurrent',
      location: 'WH-1',
      lines: [{ sku: 'SKU-I', qty: 8 }],
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'IDEMPOTENCY_CONFLICT' } });
    const hold = await w.call(ledger.reserve, {
      id: 'hold-concurrent',
      channel: 'web',
      lines: [{ sku: 'SKU-I', location: 'WH-1', qty: 3 }],
      ttlSeconds: 300,
    });
    expect(hold).toMatchObject({ ok: false, error: { code: 'IDEMPOTENCY_CONFLICT' } });
    expect(await w.position('SKU-I', 'WH-1')).toEqual(before);
  });

  it('replays the first reply after the service restarts', async () => {
    const receipt = { id: 'rcpt-restart', location: 'WH-1', lines: [{ sku: 'SKU-I', qty: 1 }] };
    const first = await w.ok(ledger.receiveStock, receipt);
    await w.stopReplica(w.replicas[0]!);
    await w.startReplica();
    const replay = await w.ok(ledger.receiveStock, receipt);
    expect(replay).toEqual(first);
    expect(await w.position('SKU-I', 'WH-1')).toMatchObject({ onHand: 8, seq: 3 });
  });

  it('answers a released hold released again with the same reply', async () => {
    const first = await w.ok(ledger.release, { id: 'hold-concurrent', principal: CART });
    const replays = await Promise.all(
      Array.from({ length: 5 }, () =>
        w.ok(ledger.release, { id: 'hold-concurrent', principal: CART }),
      ),
    );
    for (const replay of replays) expect(replay).toEqual(first);
    expect(await w.position('SKU-I', 'WH-1')).toMatchObject({ reserved: 0 });
    expect(await w.expectNoDrift()).toEqual([]);
  });
});
