import type { ChildProcess } from 'node:child_process';
import { TEST_NATS_URL, TestWorld } from '@omnistock/testing';
import { checkAfterChaos, expectNothingLost, seedHotSku } from './support/chaos-checks.js';
import { holdUnderChaos } from './support/hold-load.js';
import { ensureBuilt, startServiceProcess, stop, waitForHealth } from './support/processes.js';

const STOCK = 4_000;

/** kill -9 of a ledger replica while shoppers hold: some batches die after commit, before reply. */
describe('a ledger replica killed mid-load', () => {
  let world: TestWorld;
  const replicas: ChildProcess[] = [];
  const startReplica = (n: number) => {
    const child = startServiceProcess('ledger', {
      DATABASE_URL: world.database.url,
      NATS_URL: TEST_NATS_URL,
      OMNISTOCK_NATS_NAMESPACE: world.namespace,
      OMNISTOCK_INSTANCE_ID: `chaos-${n}`,
    });
    replicas.push(child);
    return child;
  };

  beforeAll(async () => {
    ensureBuilt();
    world = await TestWorld.create('chaos_kill');
    startReplica(1);
    startReplica(2);
    await waitForHealth(world.client, 'ledger');
    await seedHotSku(world.client, STOCK);
  }, 120_000);

  afterAll(async () => {
    for (const child of replicas) await stop(child, 'SIGKILL');
    await world?.dispose();
  });

  it('loses no acknowledged hold, oversells nothing, and answers retries with the first result', async () => {
    const load = holdUnderChaos(world.client, {
      shoppers: 16,
      duration_ms: 4_000,
      sku: 'HOT',
      location: 'WH-1',
      prefix: 'kill',
    });
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    replicas[0]!.kill('SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    startReplica(3);
    const outcomes = await load;
    expect(outcomes.unanswered.size).toBe(0);
    const after = await checkAfterChaos({
      databaseUrl: world.database.url,
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
