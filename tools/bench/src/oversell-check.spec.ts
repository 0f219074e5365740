import { ledger } from '@omnistock/contracts';
import { ensureBuilt, TEST_ADMIN_DATABASE_URL, TEST_NATS_URL } from '@omnistock/testing';
import { BenchEnvironment } from './environment.js';
import { checkOversell } from './oversell-check.js';
import { benchLocationCode, receive, reconcileDrift, seedReference } from './scenarios/seed.js';

const STOCK = 5;
const HOLDS = 3;
const LOCATION = benchLocationCode(1);

/**
 * The benchmark's "zero oversell" is only worth something if the auditor can say no: it
 * must pass a clean sale and fail a miscounted one, a sale past stock, and a drifting ledger.
 * It runs in the bench's own environment: the ledger as a process on the built code.
 */
describe('the bench oversell check', () => {
  let env: BenchEnvironment;

  beforeAll(async () => {
    ensureBuilt(['dist/apps/stock-ledger/src/main.js']);
    env = await BenchEnvironment.create({
      adminDatabaseUrl: TEST_ADMIN_DATABASE_URL,
      natsUrl: TEST_NATS_URL,
      ledgerReplicas: 1,
    });
    await env.startLedger();
    await seedReference(env.client, 1, ['HOT']);
    await receive(env.client, LOCATION, ['HOT'], STOCK);
    for (let i = 0; i < HOLDS; i++) {
      const reply = await env.client.request(ledger.reserve, {
        id: `bench-check-${i}`,
        channel: 'web',
        lines: [{ sku: 'HOT', location: LOCATION, qty: 1 }],
        ttlSeconds: 3600,
      });
      expect(reply.ok).toBe(true);
    }
  }, 120_000);

  afterAll(async () => {
    await env?.dispose();
  });

  const check = async (succeeded: number, stock = STOCK, drift?: number) =>
    checkOversell(
      env.databaseUrl,
      ['HOT'],
      succeeded,
      stock,
      drift ?? (await reconcileDrift(env.client)),
    );

  it('passes when what clients were told is exactly what the ledger reserved', async () => {
    expect(await check(HOLDS)).toEqual({
      succeeded: HOLDS,
      stock: STOCK,
      reserved: HOLDS,
      on_hand: STOCK,
      negative_balances: 0,
      ledger_drift: 0,
      passed: true,
    });
  });

  it('fails when clients were told of more or fewer holds than the ledger reserved', async () => {
    expect((await check(HOLDS + 1)).passed).toBe(false);
    expect((await check(HOLDS - 1)).passed).toBe(false);
  });

  it('fails when more holds succeeded than there was stock', async () => {
    expect((await check(HOLDS, HOLDS - 1)).passed).toBe(false);
  });

  it('fails when the ledger does not reconcile', async () => {
    expect((await check(HOLDS, STOCK, 1)).passed).toBe(false);
  });
});
