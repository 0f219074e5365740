import { jetstream } from '@nats-io/jetstream';
import { ledger, routing } from '@omnistock/contracts';
import { eventStreamName, namespacedSubject } from '@omnistock/messaging';
import { RoutingWorld } from './support/routing-world.js';

/** The channel that cancels lines nobody can take; `web` keeps the default (backorder). */
const CANCELLING = 'outlet';

/** The per-channel rule `unfillable`: lines nobody can take are backordered or cancelled. */
describe('lines nobody can take, per channel', () => {
  let w: RoutingWorld;

  beforeAll(async () => {
    w = await RoutingWorld.create('routing_unfillable');
    await w.ok(ledger.upsertChannels, { channels: [{ code: CANCELLING }] });
    const live = await w.ok(routing.setRoutingRules, {
      channel: CANCELLING,
      rules: { unfillable: 'cancel' },
    });
    expect(live.rules).toMatchObject({ unfillable: 'cancel', maxShipments: 3 });
  });

  afterAll(() => w?.dispose());

  /**
   * An order's events on one subject, as JetStream holds them. The outbox relay publishes
   * after the commit, so this waits for `atLeast` of them; with 0 it looks once (call it
   * after waiting for another event of the same commit to prove an absence).
   */
  async function eventsFor(
    contract: typeof routing.orderLinesCancelled | typeof routing.orderBackordered,
    orderId: string,
    atLeast = 1,
  ): Promise<routing.OrderViewType[]> {
    const { connection, namespace } = w.world;
    const deadline = Date.now() + 15_000;
    for (;;) {
      const consumer = await jetstream(connection).consumers.get(eventStreamName(namespace), {
        filter_subjects: namespacedSubject(namespace, contract.subject),
      });
      const found: routing.OrderViewType[] = [];
      const batch = await consumer.fetch({ max_messages: 500, expires: 1_000 });
      for await (const message of batch) {
        const view = message.json<routing.OrderViewType>();
        if (view.id === orderId) found.push(view);
      }
      await consumer.delete().catch(() => undefined);
      if (found.length >= atLeast || Date.now() > deadline) return found;
    }
  }

  async function expectNothingHeld(sku: string, location: string, onHand: number) {
    expect((await w.positions(sku))[location]).toEqual({ onHand, reserved: 0 });
  }

  it('cancels the lines of an order nobody can take, holds only what was routed, and says so', async () => {
    await w.stock(['UF-A', 'UF-B'], { 'WH-LDN': { 'UF-A': 5, 'UF-B': 1 } });
    const order = await w.placed('uf-1', { 'UF-A': 1, 'UF-B': 3 }, { channel: CANCELLING });
    expect(order.status).toBe('routed');
    expect(order.backordered).toEqual([]);
    expect(order.cancelledLines).toEqual([{ sku: 'UF-B', qty: 2 }]);
    expect(order.route[0]!.rules).toMatchObject({ unfillable: 'cancel' });
    const [fulfilment] = order.fulfilments;
    expect(fulfilment!.lines).toEqual([
      { sku: 'UF-A', qty: 1 },
      { sku: 'UF-B', qty: 1 },
    ]);
    // Only the routed unit is held; the two cancelled ones never were.
    const hold = await w.ok(ledger.getHold, { id: fulfilment!.holdId });
    expect(hold.status).toBe('committed');
    expect((await w.positions('UF-B'))['WH-LDN']).toEqual({ onHand: 1, reserved: 1 });
    const [event] = await eventsFor(routing.orderLinesCancelled, 'uf-1');
    expect(event).toMatchObject({ id: 'uf-1', cancelledLines: [{ sku: 'UF-B', qty: 2 }] });
    expect(await eventsFor(routing.orderBackordered, 'uf-1', 0)).toEqual([]);
    expect(await w.ok(routing.getOrder, { id: 'uf-1' })).toEqual(order);
    expect(await w.drift()).toEqual([]);
  }, 60_000);

  it('cancels an order whose every line nobody can take: nothing held, nothing left to cancel', async () => {
    await w.stock(['UF-C']);
    const order = await w.placed('uf-2', { 'UF-C': 2 }, { channel: CANCELLING });
    expect(order).toMatchObject({
      status: 'cancelled',
      fulfilments: [],
      backordered: [],
      cancelledLines: [{ sku: 'UF-C', qty: 2 }],
      cancelReason: null,
    });
    expect(await eventsFor(routing.orderLinesCancelled, 'uf-2')).toHaveLength(1);
    expect(await w.call(routing.cancelOrder, { id: 'uf-2' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_TRANSITION' },
    });
    expect(await w.drift()).toEqual([]);
  }, 60_000);

  it('cancels, instead of backordering, the lines of a rejection nobody else can take', async () => {
    await w.stock(['UF-R'], { 'WH-LDN': { 'UF-R': 1 } });
    const order = await w.placed('uf-3', { 'UF-R': 1 }, { channel: CANCELLING });
    expect(order.status).toBe('routed');
    const rejected = await w.ok(routing.rejectFulfilment, {
      id: order.fulfilments[0]!.id,
      reason: 'damaged',
    });
    expect(rejected.status).toBe('rejected');
    const after = await w.ok(routing.getOrder, { id: 'uf-3' });
    expect(after.status).toBe('cancelled');
    expect(after.backordered).toEqual([]);
    expect(after.cancelledLines).toEqual([{ sku: 'UF-R', qty: 1 }]);
    expect(after.route.at(-1)!.explanation).toMatch(/no location/);
    await expectNothingHeld('UF-R', 'WH-LDN', 1);
    const [event] = await eventsFor(routing.orderLinesCancelled, 'uf-3');
    expect(event).toMatchObject({ status: 'cancelled', cancelledLines: [{ sku: 'UF-R', qty: 1 }] });
    expect(await eventsFor(routing.orderBackordered, 'uf-3', 0)).toEqual([]);
    expect(await w.drift()).toEqual([]);
  }, 60_000);

  it('still backorders on a channel left at the default', async () => {
    await w.stock(['UF-D', 'UF-E'], { 'WH-LDN': { 'UF-D': 1 } });
    const order = await w.placed('uf-4', { 'UF-D': 1, 'UF-E': 1 });
    expect(order.channel).toBe('web');
    expect(order.status).toBe('partially_backordered');
    expect(order.backordered).toEqual([{ sku: 'UF-E', qty: 1 }]);
    expect(order.cancelledLines).toEqual([]);
    expect(order.route[0]!.rules).toMatchObject({ unfillable: 'backorder' });
    await w.ok(routing.rejectFulfilment, { id: order.fulfilments[0]!.id, reason: 'damaged' });
    const after = await w.ok(routing.getOrder, { id: 'uf-4' });
    expect(after.status).toBe('backordered');
    expect([...after.backordered].sort((a, b) => a.sku.localeCompare(b.sku))).toEqual([
      { sku: 'UF-D', qty: 1 },
      { sku: 'UF-E', qty: 1 },
    ]);
    expect(after.cancelledLines).toEqual([]);
    await expectNothingHeld('UF-D', 'WH-LDN', 1);
    expect(await eventsFor(routing.orderBackordered, 'uf-4', 2)).toHaveLength(2);
    expect(await eventsFor(routing.orderLinesCancelled, 'uf-4', 0)).toEqual([]);
    expect(await w.drift()).toEqual([]);
  }, 60_000);
});
