import { ledger } from '@omnistock/contracts';
import { LedgerWorld } from './support/ledger-world.js';

const HOLDS = 40;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Commits aimed at the very moment their holds expire: each hold must end committed or
 * expired — never both, never neither — and `reserved` must count exactly the committed.
 */
describe('an expiry racing a commit', () => {
  let w: LedgerWorld;

  beforeAll(async () => {
    w = await LedgerWorld.create('expiry_race', 2);
    await w.seedReference(['SKU-RACE']);
    await w.ok(ledger.receiveStock, {
      id: 'race-stock',
      location: 'WH-1',
      lines: [{ sku: 'SKU-RACE', qty: HOLDS }],
    });
  });

  afterAll(() => w.dispose());

  it('settles every hold exactly one way', async () => {
    for (let i = 0; i < HOLDS; i++) {
      await w.ok(ledger.reserve, {
        id: `race-${i}`,
        channel: 'web',
        lines: [{ sku: 'SKU-RACE', location: 'WH-1', qty: 1 }],
        ttlSeconds: 1,
      });
    }
    // Spread the commits over the second in which the holds fall due.
    await sleep(700);
    const commits = await Promise.all(
      Array.from({ length: HOLDS }, async (_, i) => {
        await sleep((i * 600) / HOLDS);
        return w.call(ledger.commit, { id: `race-${i}`, orderId: `order-${i}`, channel: 'web' });
      }),
    );
    await sleep(1_500);
    const holds = await Promise.all(
      Array.from({ length: HOLDS }, (_, i) => w.ok(ledger.getHold, { id: `race-${i}` })),
    );
    const committed = holds.filter((hold) => hold.status === 'committed').length;
    const expired = holds.filter((hold) => hold.status === 'expired').length;
    expect(committed + expired).toBe(HOLDS);
    commits.forEach((reply, i) => {
      // A commit that answered yes is a committed hold; one refused is an expired one.
      expect([reply.ok, holds[i]!.status]).toEqual(
        reply.ok ? [true, 'committed'] : [false, 'expired'],
      );
    });
    expect(await w.position('SKU-RACE', 'WH-1')).toMatchObject({
      onHand: HOLDS,
      reserved: committed,
    });
    const expiries = await w.ok(ledger.audit, {
      sku: 'SKU-RACE',
      kinds: ['hold_expiry'],
      limit: 1000,
    });
    expect(expiries.entries).toHaveLength(expired);
    expect(await w.expectNoDrift()).toEqual([]);
  });
});
