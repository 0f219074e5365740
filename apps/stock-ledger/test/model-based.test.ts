import fc from 'fast-check';
import { ledger } from '@omnistock/contracts';
import { LedgerModel } from './support/ledger-model.js';
import { CART, orderOf, LedgerWorld } from './support/ledger-world.js';

const LOCATIONS = ['WH-1', 'ST-1', 'ST-2'] as const;
const SKUS_PER_RUN = 2;
const RUNS = 40;
const OPERATIONS_MAX = 25;

const sku = fc.integer({ min: 0, max: SKUS_PER_RUN - 1 });
const location = fc.constantFrom(...LOCATIONS);
const holdRef = fc.integer({ min: 0, max: 9 });

const operation = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('receive' as const),
      sku,
      location,
      qty: fc.integer({ min: 1, max: 20 }),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constant('hold' as const),
      lines: fc.array(fc.record({ sku, location, qty: fc.integer({ min: 1, max: 6 }) }), {
        minLength: 1,
        maxLength: 3,
      }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('release' as const), hold: holdRef }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('commit' as const), hold: holdRef }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('fulfil' as const), hold: holdRef }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('expire' as const), hold: holdRef }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('adjust' as const),
      sku,
      location,
      delta: fc.integer({ min: -8, max: 8 }).filter((d) => d !== 0),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('count' as const),
      sku,
      location,
      counted: fc.integer({ min: 0, max: 25 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({
        op: fc.constant('transfer' as const),
        sku,
        from: location,
        to: location,
        qty: fc.integer({ min: 1, max: 6 }),
      })
      .filter((t) => t.from !== t.to),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('arrive' as const),
      transfer: fc.integer({ min: 0, max: 4 }),
    }),
  },
);

describe('the ledger against a model', () => {
  let w: LedgerWorld;
  let run = 0;

  beforeAll(async () => {
    w = await LedgerWorld.create('model');
    await w.seedReference(['UNUSED']);
  });

  afterAll(() => w.dispose());

  async function waitForExpiry(id: string): Promise<void> {
    for (let attempt = 0; attempt < 40; attempt++) {
      const hold = await w.ok(ledger.getHold, { id });
      if (hold.status !== 'held') return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`hold ${id} did not expire`);
  }

  it('keeps every balance equal to the model and to the sum of its entries', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(operation, { minLength: 1, maxLength: OPERATIONS_MAX }),
        async (operations) => {
          const prefix = `r${++run}`;
          const skuCode = (index: number) => `${prefix}-S${index}`;
          await w.ok(ledger.upsertSkus, {
            skus: Array.from({ length: SKUS_PER_RUN }, (_, i) => ({ sku: skuCode(i) })),
          });
          const model = new LedgerModel();
          const holdIds: string[] = [];
          const transferIds: string[] = [];
          let step = 0;
          for (const operation of operations) {
            const id = `${prefix}-${++step}`;
            switch (operation.op) {
              case 'receive': {
                await w.ok(ledger.receiveStock, {
                  id,
                  location: operation.location,
                  lines: [{ sku: skuCode(operation.sku), qty: operation.qty }],
                });
                model.receive(skuCode(operation.sku), operation.location, operation.qty);
                break;
              }
              case 'hold': {
                const lines = operation.lines.map((line) => ({
                  sku: skuCode(line.sku),
                  location: line.location,
                  qty: line.qty,
                }));
                const reply = await w.call(ledger.reserve, {
                  id,
                  channel: 'web',
                  lines,
                  ttlSeconds: 3600,
                });
                expect(reply.ok).toBe(model.reserve(id, lines));
                if (reply.ok) holdIds.push(id);
                else expect(reply.error.code).toBe('INSUFFICIENT_STOCK');
                break;
              }
              case 'release':
              case 'commit':
              case 'fulfil': {
                const holdId = holdIds[operation.hold % Math.max(1, holdIds.length)];
                if (!holdId) break;
                // Whoever owns the hold acts: its cart until an order took it, then that order.
                const orderId = `order-${holdId}`;
                const principal =
                  model.holds.get(holdId)?.status === 'committed' ? orderOf(orderId) : CART;
                const reply =
                  operation.op === 'commit'
                    ? await w.call(ledger.commit, { id: holdId, orderId, channel: 'web' })
                    : await w.call(operation.op === 'release' ? ledger.release : ledger.fulfil, {
                        id: holdId,
                        principal,
                      });
                const target = (
                  { release: 'released', commit: 'committed', fulfil: 'fulfilled' } as const
                )[operation.op];
                expect(reply.ok).toBe(model.settle(holdId, target));
                break;
              }
              case 'expire': {
                const holdId = holdIds[operation.hold % Math.max(1, holdIds.length)];
                if (!holdId || model.holds.get(holdId)?.status !== 'held') break;
                // Time travel for one hold: its expiry moves into the past and the sweeper must notice.
                await w.dataSource.query(
                  `UPDATE ledger.holds SET expires_at = clock_timestamp() - interval '1 second' WHERE id = $1`,
                  [holdId],
                );
                await waitForExpiry(holdId);
                expect(model.settle(holdId, 'expired')).toBe(true);
                break;
              }
              case 'adjust': {
                const reply = await w.call(ledger.adjustStock, {
                  id,
                  location: operation.location,
                  lines: [
                    { sku: skuCode(operation.sku), delta: operation.delta, reason: 'property' },
                  ],
                });
                expect(reply.ok).toBe(
                  model.adjust(skuCode(operation.sku), operation.location, operation.delta),
                );
                break;
              }
              case 'count': {
                const reply = await w.ok(ledger.countStock, {
                  id,
                  location: operation.location,
                  lines: [{ sku: skuCode(operation.sku), counted: operation.counted }],
                });
                model.count(
                  skuCode(operation.sku),
                  operation.location,
                  operation.counted,
                  reply.uncoveredHolds.map((h) => h.id),
                );
                break;
              }
              case 'transfer': {
                const reply = await w.call(ledger.sendTransfer, {
                  id,
                  from: operation.from,
                  to: operation.to,
                  lines: [{ sku: skuCode(operation.sku), qty: operation.qty }],
                });
                expect(reply.ok).toBe(
                  model.sendTransfer(
                    id,
                    skuCode(operation.sku),
                    operation.from,
                    operation.to,
                    operation.qty,
                  ),
                );
                if (reply.ok) transferIds.push(id);
                break;
              }
              case 'arrive': {
                const transferId =
                  transferIds[operation.transfer % Math.max(1, transferIds.length)];
                if (!transferId) break;
                const reply = await w.call(ledger.receiveTransfer, { id: transferId });
                const expected = model.receiveTransfer(transferId);
                // A second arrival of the same transfer replays the first reply: success, no effect.
                expect(reply.ok).toBe(true);
                if (!expected) expect(model.transfers.get(transferId)?.received).toBe(true);
                break;
              }
            }
          }
          for (const [key, expected] of model.positions) {
            const [skuOfKey, locationOfKey] = key.split('@');
            const actual = await w.position(skuOfKey!, locationOfKey!);
            expect({ key, ...actual, seq: undefined }).toEqual({
              key,
              ...expected,
              seq: undefined,
            });
            expect(actual.reserved).toBeLessThanOrEqual(actual.onHand);
          }
          expect(await w.expectNoDrift()).toEqual([]);
        },
      ),
      { numRuns: RUNS, endOnFailure: true },
    );
  });
});
