import { ledger } from '@omnistock/contracts';
import { inTransaction } from '@omnistock/database';
import { HoldBatcher } from '../src/holds/hold-batcher.js';
import { reserveBatch } from '../src/holds/reserve.js';
import { LedgerWorld } from './support/ledger-world.js';

const hold = (id: string, qty: number, sku = 'SKU-G') => ({
  id,
  channel: 'web',
  lines: [{ sku, location: 'WH-1', qty }],
  ttlSeconds: 300,
});

describe('group commit of holds', () => {
  let w: LedgerWorld;

  beforeAll(async () => {
    w = await LedgerWorld.create('groupcommit');
    await w.seedReference(['SKU-G', 'SKU-H']);
    await w.ok(ledger.receiveStock, {
      id: 'g-rcpt',
      location: 'WH-1',
      lines: [
        { sku: 'SKU-G', qty: 6 },
        { sku: 'SKU-H', qty: 1000 },
      ],
    });
  });

  afterAll(() => w.dispose());

  const batch = (requests: ReturnType<typeof hold>[]) =>
    inTransaction(w.dataSource, (manager) => reserveBatch(manager, requests));

  it('lets the holds that fit through and fails the others alone, in one transaction', async () => {
    const results = await batch([
      hold('g-a', 3),
      hold('g-b', 10),
      hold('g-c', 2),
      hold('g-a', 3),
      hold('g-a', 4),
      hold('g-d', 1, 'NOPE'),
      hold('g-e', 2),
    ]);
    expect(results.map((r) => (r.ok ? r.value.status : r.error.code))).toEqual([
      'held',
      'INSUFFICIENT_STOCK',
      'held',
      'held',
      'IDEMPOTENCY_CONFLICT',
      'UNKNOWN_SKU',
      'INSUFFICIENT_STOCK',
    ]);
    expect(results[3]).toEqual(results[0]);
    expect(await w.position('SKU-G', 'WH-1')).toMatchObject({ onHand: 6, reserved: 5, seq: 3 });
    const keys: { command_key: string }[] = await w.dataSource.query(
      'SELECT command_key FROM ledger.command_log ORDER BY 1',
    );
    expect(keys.map((k) => k.command_key)).toEqual(
      expect.arrayContaining(['hold:g-a', 'hold:g-c']),
    );
    expect(keys.map((k) => k.command_key)).not.toContain('hold:g-b');
    expect(await w.expectNoDrift()).toEqual([]);
  });

  it('replays a hold committed by an earlier batch with its first reply', async () => {
    const [first] = await batch([hold('g-c', 2)]);
    const [again] = await batch([hold('g-c', 2), hold('g-f', 1)]).then((r) => [r[0]]);
    expect(again).toEqual(first);
    expect(await w.position('SKU-G', 'WH-1')).toMatchObject({ reserved: 6 });
  });

  it('lets a refused key through later, once the stock is there', async () => {
    await w.ok(ledger.receiveStock, {
      id: 'g-rcpt-2',
      location: 'WH-1',
      lines: [{ sku: 'SKU-G', qty: 10 }],
    });
    const [result] = await batch([hold('g-b', 10)]);
    expect(result).toMatchObject({ ok: true, value: { status: 'held' } });
  });

  it('batches concurrent holds arriving over NATS', async () => {
    const replica = w.replicas[0]!;
    await Promise.all(
      Array.from({ length: 300 }, (_, i) => w.ok(ledger.reserve, hold(`g-n-${i}`, 1, 'SKU-H'))),
    );
    const metric = await replica.runtime.metrics.registry
      .getSingleMetric('omnistock_hold_batch_size')!
      .get();
    const count = (metric.values as { metricName?: string; value: number }[]).find(
      (v) => v.metricName === 'omnistock_hold_batch_size_count',
    )!.value;
    const sum = (metric.values as { metricName?: string; value: number }[]).find(
      (v) => v.metricName === 'omnistock_hold_batch_size_sum',
    )!.value;
    expect(sum).toBeGreaterThanOrEqual(300);
    expect(sum / count).toBeGreaterThan(1.5);
    expect(await w.position('SKU-H', 'WH-1')).toMatchObject({ reserved: 300 });
    expect(await w.expectNoDrift()).toEqual([]);
  });

  it('fails only the hold the database refuses, never the batch it shared', async () => {
    // Straight to the batcher, past the contract's edge: whatever the edge lets through,
    // a value Postgres refuses (here a NUL in text) must fail its own hold alone.
    const batcher = w.replicas[0]!.app.get(HoldBatcher);
    const good = Array.from({ length: 60 }, (_, i) => hold(`g-ok-${i}`, 1, 'SKU-H'));
    const poisoned = Array.from({ length: 6 }, (_, i) => ({
      ...hold(`g-nul-${i}`, 1, 'SKU-H'),
      reference: `cart\u0000${i}`,
    }));
    const before = await w.position('SKU-H', 'WH-1');
    const results = await Promise.all(
      [...good, ...poisoned]
        .sort(() => 0.5 - Math.random())
        .map(async (request) => ({
          id: request.id,
          result: await batcher.submit(request),
        })),
    );
    const outcome = (id: string) => {
      const { result } = results.find((r) => r.id === id)!;
      return result.ok ? result.value.status : result.error.code;
    };
    expect(good.map((g) => outcome(g.id))).toEqual(Array(60).fill('held'));
    expect(poisoned.map((p) => outcome(p.id))).toEqual(Array(6).fill('VALIDATION_FAILED'));
    expect(await w.position('SKU-H', 'WH-1')).toMatchObject({ reserved: before.reserved + 60 });
    expect(await w.expectNoDrift()).toEqual([]);
  });
});
