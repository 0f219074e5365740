import type { ChildProcess } from 'node:child_process';
import { createDatabase, withDatabase } from '@omnistock/database';
import {
  PRIVATE_POSTGRES_POSSIBLE,
  PrivatePostgres,
  TEST_NATS_URL,
  TestWorld,
} from '@omnistock/testing';
import { checkAfterChaos, expectNothingLost, seedHotSku } from './support/chaos-checks.js';
import { holdUnderChaos } from './support/hold-load.js';
import {
  ensureBuilt,
  freePort,
  startServiceProcess,
  stop,
  waitForHealth,
} from './support/processes.js';

const STOCK = 4_000;
const maybe = PRIVATE_POSTGRES_POSSIBLE ? describe : describe.skip;

/** Postgres crashes (immediate stop) and comes back while shoppers hold, on a cluster of the test's own. */
maybe('Postgres crashed and restarted under load', () => {
  let world: TestWorld;
  let postgres: PrivatePostgres;
  let databaseUrl: string;
  const replicas: ChildProcess[] = [];

  beforeAll(async () => {
    ensureBuilt();
    world = await TestWorld.create('chaos_pg');
    postgres = new PrivatePostgres(await freePort());
    postgres.init();
    postgres.start();
    await createDatabase(postgres.url, 'omnistock_chaos');
    databaseUrl = withDatabase(postgres.url, 'omnistock_chaos');
    for (const n of [1, 2]) {
      replicas.push(
        startServiceProcess('ledger', {
          DATABASE_URL: databaseUrl,
          NATS_URL: TEST_NATS_URL,
          OMNISTOCK_NATS_NAMESPACE: world.namespace,
          OMNISTOCK_INSTANCE_ID: `chaos-pg-${n}`,
        }),
      );
    }
    await waitForHealth(world.client, 'ledger');
    await seedHotSku(world.client, STOCK);
  }, 120_000);

  afterAll(async () => {
    for (const child of replicas) await stop(child);
    postgres?.dispose();
    await world?.dispose();
  });

  it('answers SERVICE_UNAVAILABLE meanwhile, then loses nothing acknowledged and oversells nothing', async () => {
    const load = holdUnderChaos(world.client, {
      shoppers: 16,
      duration_ms: 5_000,
      sku: 'HOT',
      location: 'WH-1',
      prefix: 'pg',
    });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    postgres.crash();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    postgres.start();
    const outcomes = await load;
    expect(outcomes.unanswered.size).toBe(0);
    expect(outcomes.retries).toBeGreaterThan(0);
    const after = await checkAfterChaos({
      databaseUrl,
      client: world.client,
      connection: world.connection,
      namespace: world.namespace,
      outcomes,
      sku: 'HOT',
      location: 'WH-1',
    });
    expectNothingLost(after, outcomes);
  }, 120_000);
});
