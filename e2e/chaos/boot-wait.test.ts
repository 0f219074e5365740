import { ledgerService } from '@omnistock/app-stock-ledger';
import { health } from '@omnistock/contracts';
import { connectNats, deleteEventStream, NatsRequester } from '@omnistock/messaging';
import { startService, type RunningService } from '@omnistock/service-kit';
import { TestWorld } from '@omnistock/testing';
import { freePort, NATS_SERVER_PRESENT, PrivateNats } from './support/processes.js';

const maybe = NATS_SERVER_PRESENT ? describe : describe.skip;

/**
 * A replica restarted while NATS restarts too (a supervisor bringing everything back) waits
 * for it and comes up, rather than exiting and taking its supervisor down.
 */
maybe('a replica booting before NATS is back', () => {
  let world: TestWorld;
  let nats: PrivateNats;
  let service: RunningService | undefined;

  beforeAll(async () => {
    world = await TestWorld.create('boot_wait');
    nats = new PrivateNats(await freePort());
  });

  afterAll(async () => {
    await service?.close();
    await nats?.dispose();
    await world?.dispose();
  });

  it('waits for NATS, then answers', async () => {
    const booting = startService(ledgerService, world.config({ natsUrl: nats.url }));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await nats.start();
    service = await booting;
    const connection = await connectNats(nats.url, 'boot-wait-test');
    try {
      const reply = await new NatsRequester(connection, world.namespace).request(
        health.ledger,
        {},
        { timeout_ms: 10_000 },
      );
      expect(reply).toMatchObject({ ok: true, value: { service: 'ledger' } });
      await deleteEventStream(connection, world.namespace);
    } finally {
      await connection.close();
    }
  });
});
