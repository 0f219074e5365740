import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { ledger } from '@omnistock/contracts';
import { eventStreamName } from '@omnistock/messaging';
import { CART, LedgerWorld } from './support/ledger-world.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('events through the outbox', () => {
  let w: LedgerWorld;

  beforeAll(async () => {
    w = await LedgerWorld.create('outbox');
    await w.seedReference(['SKU-O']);
  });

  afterAll(() => w.dispose());

  const stream = () => eventStreamName(w.world.namespace);

  async function streamMessages(): Promise<{ subject: string; messageId: string; payload: any }[]> {
    const js = jetstream(w.world.connection);
    const consumer = await js.consumers.get(stream());
    const info = await (await jetstreamManager(w.world.connection)).streams.info(stream());
    const messages: { subject: string; messageId: string; payload: any }[] = [];
    if (info.state.messages === 0) return messages;
    const batch = await consumer.fetch({ max_messages: info.state.messages, expires: 2_000 });
    for await (const message of batch) {
      messages.push({
        subject: message.subject,
        messageId: message.headers?.get('Nats-Msg-Id') ?? '',
        payload: message.json(),
      });
      if (messages.length === info.state.messages) break;
    }
    return messages;
  }

  async function pending(): Promise<number> {
    const [{ count }] = await w.dataSource.query(
      'SELECT count(*)::int AS count FROM ledger.outbox WHERE published_at IS NULL',
    );
    return count;
  }

  async function waitForDrain(): Promise<void> {
    for (let attempt = 0; attempt < 50 && (await pending()) > 0; attempt++) await sleep(100);
    expect(await pending()).toBe(0);
  }

  it('publishes each committed change once, with the new balances', async () => {
    await w.ok(ledger.receiveStock, {
      id: 'o-rcpt',
      location: 'WH-1',
      lines: [{ sku: 'SKU-O', qty: 4 }],
    });
    await w.ok(ledger.reserve, {
      id: 'o-hold',
      channel: 'web',
      lines: [{ sku: 'SKU-O', location: 'WH-1', qty: 1 }],
      ttlSeconds: 60,
    });
    await w.ok(ledger.release, { id: 'o-hold', principal: CART });
    await waitForDrain();
    const messages = await streamMessages();
    const subjects = messages.map((m) => m.subject.slice(w.world.namespace.length + 1));
    expect(subjects).toEqual(
      expect.arrayContaining([
        'omnistock.evt.stock.changed.WH-1',
        'omnistock.evt.hold.created',
        'omnistock.evt.hold.released',
      ]),
    );
    expect(new Set(messages.map((m) => m.messageId)).size).toBe(messages.length);
    const last = messages.filter((m) => m.subject.endsWith('stock.changed.WH-1')).at(-1);
    expect(last?.payload.position).toMatchObject({ sku: 'SKU-O', onHand: 4, reserved: 0 });
  });

  it('holds events while the relay is stopped and delivers them once when it restarts', async () => {
    const relay = w.replicas[0]!.runtime.outboxRelay;
    const before = (await streamMessages()).length;
    await relay.stop();
    await w.ok(ledger.receiveStock, {
      id: 'o-rcpt-2',
      location: 'WH-1',
      lines: [{ sku: 'SKU-O', qty: 1 }],
    });
    await sleep(300);
    expect(await pending()).toBeGreaterThan(0);
    expect((await streamMessages()).length).toBe(before);
    relay.start();
    await waitForDrain();
    const after = await streamMessages();
    expect(after.length).toBe(before + 1);
    expect(new Set(after.map((m) => m.messageId)).size).toBe(after.length);
  });

  it('drops a re-publish of the same message id (a crash between publish and marking it sent)', async () => {
    const before = await streamMessages();
    await w.dataSource.query('UPDATE ledger.outbox SET published_at = NULL');
    await waitForDrain();
    const after = await streamMessages();
    expect(after.map((m) => m.messageId)).toEqual(before.map((m) => m.messageId));
  });
});
