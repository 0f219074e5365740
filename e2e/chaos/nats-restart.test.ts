import type { ChildProcess } from 'node:child_process';
import { connectNats, deleteEventStream, NatsRequester } from '@omnistock/messaging';
import { TestWorld } from '@omnistock/testing';
import type { NatsConnection } from '@nats-io/transport-node';
import { checkAfterChaos, expectNothingLost, seedHotSku } from './support/chaos-checks.js';
import { holdUnderChaos } from './support/hold-load.js';
import {
  ensureBuilt,
  freePort,
  NATS_SERVER_PRESENT,
  PrivateNats,
  startServiceProcess,
  stop,
  waitForHealth,
} from './support/processes.js';

const STOCK = 4_000;
const maybe = NATS_SERVER_PRESENT ? describe : describe.skip;

/** NATS (with JetStream's store) stops and comes back while shoppers hold, on a server of the test's own. */
maybe('NATS restarted under load', () => {
  let world: TestWorld;
  let nats: PrivateNats;
  let connection: NatsConnection;
  let client: NatsRequester;
  const replicas: ChildProcess[] = [];

  beforeAll(async () => {
    ensureBuilt();
    world = await TestWorld.create('chaos_nats');
    nats = new PrivateNats(await freePort());
    await nats.start();
    connection = await connectNats(nats.url, 'chaos-client');
    client = new NatsRequester(connection, world.namespace);
    for (const n of [1, 2]) {
      replicas.push(
        startServiceProcess('ledger', {
          DATABASE_URL: world.database.url,
          NATS_URL: nats.url,
          OMNISTOCK_NATS_NAMESPACE: world.namespace,
          OMNISTOCK_INSTANCE_ID: `chaos-nats-${n}`,
        }),
      );
    }
    await waitForHealth(client, 'ledger');
    await seedHotSku(client, STOCK);
  }, 120_000);

  afterAll(async () => {
    for (const child of replicas) await stop(child);
    await deleteEventStream(connection, world.namespace).catch(() => undefined);
    await connection?.close();
    await nats?.dispose();
    await world?.dispose();
  });

  it('reconnects, loses nothing acknowledged, and oversells nothing', async () => {
    const load = holdUnderChaos(client, {
      shoppers: 16,
      duration_ms: 5_000,
      sku: 'HOT',
      location: 'WH-1',
      prefix: 'nats',
    });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await nats.stop();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await nats.start();
    const outcomes = await load;
    expect(outcomes.unanswered.size).toBe(0);
    expect(outcomes.retries).toBeGreaterThan(0);
    const after = await checkAfterChaos({
      databaseUrl: world.database.url,
      client,
      connection,
      namespace: world.namespace,
      outcomes,
      sku: 'HOT',
      location: 'WH-1',
    });
    expectNothingLost(after, outcomes);
  }, 120_000);
});
