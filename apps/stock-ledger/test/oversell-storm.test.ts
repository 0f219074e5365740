import { ledger } from '@omnistock/contracts';
import { LedgerWorld } from './support/ledger-world.js';

const STOCK = 100;
const SHOPPERS = 500;

describe('oversell storm', () => {
  let w: LedgerWorld;

  beforeAll(async () => {
    w = await LedgerWorld.create('storm', 2);
    await w.seedReference(['HOT']);
    await w.ok(ledger.receiveStock, {
      id: 'stock-hot',
      location: 'WH-1',
      lines: [{ sku: 'HOT', qty: STOCK }],
    });
  });

  afterAll(() => w.dispose());

  it(`lets exactly ${STOCK} of ${SHOPPERS} concurrent 1-unit holds through, across two replicas`, async () => {
    const replies = await Promise.all(
      Array.from({ length: SHOPPERS }, (_, i) =>
        w.call(ledger.reserve, {
          id: `storm-${i}`,
          channel: 'web',
          lines: [{ sku: 'HOT', location: 'WH-1', qty: 1 }],
          ttlSeconds: 600,
        }),
      ),
    );
    const succeeded = replies.filter((reply) => reply.ok);
    const refused = replies.filter((reply) => !reply.ok);
    expect(succeeded).toHaveLength(STOCK);
    expect(new Set(refused.map((reply) => (reply.ok ? '' : reply.error.code)))).toEqual(
      new Set(['INSUFFICIENT_STOCK']),
    );
    expect(await w.position('HOT', 'WH-1')).toMatchObject({ onHand: STOCK, reserved: STOCK });
    const [{ holds }] = await w.dataSource.query(
      `SELECT count(*)::int AS holds FROM ledger.holds WHERE status = 'held'`,
    );
    expect(holds).toBe(STOCK);
    expect(await w.expectNoDrift()).toEqual([]);
  });

  it('served the storm from both replicas', async () => {
    const served = await Promise.all(
      w.replicas.map(async (replica) => {
        const metric = await replica.runtime.metrics.registry.getSingleMetricAsString(
          'omnistock_requests_total',
        );
        return /subject="omnistock\.v1\.ledger\.reserve"/.test(metric);
      }),
    );
    expect(served).toEqual([true, true]);
  });
});
