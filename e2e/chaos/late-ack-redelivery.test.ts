import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { DEAD_LETTER_STREAM, routing } from '@omnistock/contracts';
import { createServiceDataSource, prepareDatabase } from '@omnistock/database';
import {
  deadLetterStreamName,
  ensureEventStream,
  eventStreamName,
  IdempotentEventConsumer,
  namespacedSubject,
} from '@omnistock/messaging';
import { createServicePlumbing } from '@omnistock/service-kit';
import { TestWorld } from '@omnistock/testing';
import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';

class EffectsTable1700000000000 implements MigrationInterface {
  name = 'EffectsTable1700000000000';
  async up(queryRunner: QueryRunner): Promise<void> {
    await createServicePlumbing(queryRunner);
    await queryRunner.query('CREATE TABLE effects (message text NOT NULL)');
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE effects');
  }
}

const ACK_WAIT_MS = 500;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A consumer that acknowledges later than JetStream waits gets the message again; the
 * inbox row written with the effect makes the second delivery a no-op.
 */
describe('a late JetStream ack', () => {
  let world: TestWorld;
  let dataSource: DataSource;
  let consumer: IdempotentEventConsumer | undefined;

  beforeAll(async () => {
    world = await TestWorld.create('late_ack');
    dataSource = createServiceDataSource({
      url: world.database.url,
      schema: 'chaos',
      entities: [],
      migrations: [EffectsTable1700000000000],
      poolSize: 4,
      applicationName: 'late-ack-test',
    });
    await prepareDatabase(dataSource, world.database.url, 'chaos');
    await ensureEventStream(world.connection, world.namespace);
  });

  afterAll(async () => {
    await consumer?.stop();
    await dataSource?.destroy();
    await world?.dispose();
  });

  it('is redelivered, and applied once', async () => {
    const deliveries: string[] = [];
    consumer = new IdempotentEventConsumer({
      connection: world.connection,
      dataSource,
      namespace: world.namespace,
      durable: 'late-ack',
      subjects: [`${routing.fulfilmentDelivered.subject}.>`],
      ack_wait_ms: ACK_WAIT_MS,
      handle: async (manager, subject) => {
        deliveries.push(subject);
        // The first delivery outlives the ack wait, so JetStream sends the message again.
        if (deliveries.length === 1) await sleep(ACK_WAIT_MS * 6);
        await manager.query('INSERT INTO effects (message) VALUES ($1)', [subject]);
      },
    });
    await consumer.start();
    await jetstream(world.connection).publish(
      namespacedSubject(world.namespace, routing.fulfilmentDelivered.subjectFor('WH-1')),
      JSON.stringify({ fulfilmentId: 'f-1' }),
      { msgID: 'late-ack-1' },
    );
    const manager = await jetstreamManager(world.connection);
    // JetStream counts a message as redelivered while that copy is unacknowledged.
    let redeliveredMax = 0;
    for (let waited_ms = 0; waited_ms < ACK_WAIT_MS * 8; waited_ms += 100) {
      const info = await manager.consumers.info(eventStreamName(world.namespace), 'late-ack');
      redeliveredMax = Math.max(redeliveredMax, info.num_redelivered ?? 0);
      await sleep(100);
    }
    expect(redeliveredMax).toBeGreaterThanOrEqual(1);
    // The copy sent again found the inbox row and was only acknowledged.
    expect(deliveries).toHaveLength(1);
    const [{ effects }] = await dataSource.query('SELECT count(*)::int AS effects FROM effects');
    expect(effects).toBe(1);
    const [{ inbox }] = await dataSource.query(
      `SELECT count(*)::int AS inbox FROM inbox WHERE message_id = 'late-ack-1'`,
    );
    expect(inbox).toBe(1);
  });

  it('sets an event that keeps failing aside on the dead-letter stream, counted, never dropped', async () => {
    const deadLettered: string[] = [];
    let attempts = 0;
    const failing = new IdempotentEventConsumer({
      connection: world.connection,
      dataSource,
      namespace: world.namespace,
      durable: 'always-fails',
      subjects: [`${routing.fulfilmentShipped.subject}.>`],
      ack_wait_ms: ACK_WAIT_MS,
      deliveries_max: 3,
      handle: async () => {
        attempts++;
        throw new Error('cannot apply\nthis event');
      },
      onDeadLetter: (subject) => deadLettered.push(subject),
    });
    await failing.start();
    try {
      const subject = namespacedSubject(
        world.namespace,
        routing.fulfilmentShipped.subjectFor('WH-1'),
      );
      await jetstream(world.connection).publish(
        subject,
        JSON.stringify({ fulfilmentId: 'f-dead' }),
        {
          msgID: 'dead-1',
        },
      );
      for (let waited_ms = 0; waited_ms < 15_000 && deadLettered.length === 0; waited_ms += 100)
        await sleep(100);
      expect(deadLettered).toEqual([subject]);
      await sleep(ACK_WAIT_MS * 3);
      // Applied three times, then set aside: no fourth attempt.
      expect(attempts).toBe(3);
      const manager = await jetstreamManager(world.connection);
      const stored = await manager.streams.getMessage(deadLetterStreamName(world.namespace), {
        last_by_subj: namespacedSubject(
          world.namespace,
          DEAD_LETTER_STREAM.subjectFor('always-fails'),
        ),
      });
      expect(stored!.json()).toEqual({ fulfilmentId: 'f-dead' });
      expect(stored!.header.get('Omnistock-Subject')).toBe(subject);
      expect(stored!.header.get('Omnistock-Error')).toBe('cannot apply this event');
      const info = await manager.consumers.info(eventStreamName(world.namespace), 'always-fails');
      expect(info.num_ack_pending).toBe(0);
    } finally {
      await failing.stop();
    }
  });
});
