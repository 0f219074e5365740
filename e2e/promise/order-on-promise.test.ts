import { ledger, promise, routing } from '@omnistock/contracts';
import { routingService } from '@omnistock/app-order-routing';
import { MANCHESTER, PromiseWorld } from './support/promise-world.js';

const STOCK = [
  { location: 'WH-1', sku: 'SKU-A', qty: 10 },
  { location: 'ST-1', sku: 'SKU-A', qty: 2 },
];

/** With the routing service: an order placed on a quote goes where the quote said, or is refused. */
describe('orders placed on promises (ledger + promise + routing)', () => {
  let world: PromiseWorld;

  beforeAll(async () => {
    world = await PromiseWorld.create('promise_orders', STOCK);
    await world.world.start(routingService);
  }, 60_000);

  afterAll(async () => {
    await world?.dispose();
  });

  const quoteManchester = (qty: number) =>
    world.must(promise.quote, {
      channel: 'web',
      destination: MANCHESTER,
      lines: [{ sku: 'SKU-A', qty }],
    });

  it('routes a pickup order to the quoted store and a ship order to the quoted location', async () => {
    const quoted = await quoteManchester(1);
    const pickup = quoted.options.find((option) => option.option === 'pickup:ST-1')!;
    const ship = quoted.options.find((option) => option.option === 'ship:ROYAL:standard')!;
    const pickupOrder = await world.must(routing.createOrder, {
      id: 'order-pickup',
      channel: 'web',
      lines: [{ sku: 'SKU-A', qty: 1 }],
      method: 'pickup',
      pickupLocation: 'ST-1',
      promiseId: pickup.promiseId,
    });
    expect(pickupOrder.fulfilments.map((f) => f.location)).toEqual(['ST-1']);
    const shipOrder = await world.must(routing.createOrder, {
      id: 'order-ship',
      channel: 'web',
      lines: [{ sku: 'SKU-A', qty: 1 }],
      method: 'ship',
      destination: MANCHESTER,
      promiseId: ship.promiseId,
    });
    expect(shipOrder.fulfilments.map((f) => f.location)).toEqual(ship.locations);

    // Routing's own events close the loop: delivered now, before tomorrow's window, is early;
    // ready now for a pickup promised from a later quarter hour is early too.
    const [shipment] = shipOrder.fulfilments;
    for (const command of [
      routing.acceptFulfilment,
      routing.shipFulfilment,
      routing.deliverFulfilment,
    ])
      await world.must(command, { id: shipment!.id });
    const [counter] = pickupOrder.fulfilments;
    for (const command of [routing.acceptFulfilment, routing.readyFulfilment])
      await world.must(command, { id: counter!.id });
    const deadline = Date.now() + 10_000;
    let measured = await world.must(promise.keptRate, { groupBy: 'carrier' });
    while (
      measured.groups.reduce((sum, group) => sum + group.total, 0) < 2 &&
      Date.now() < deadline
    ) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      measured = await world.must(promise.keptRate, { groupBy: 'carrier' });
    }
    expect(await world.must(promise.getPromise, { promiseId: ship.promiseId })).toMatchObject({
      outcome: { outcome: 'early', event: 'delivered' },
    });
    expect(await world.must(promise.getPromise, { promiseId: pickup.promiseId })).toMatchObject({
      outcome: { outcome: expect.stringMatching(/^(early|on_time)$/), event: 'ready' },
    });
  });

  it('refuses an order on a quote whose stock is gone, with the reason, holding nothing', async () => {
    // A unit on the shelf, so the pickup is quoted from shelf stock (not via a transfer),
    // whatever the first test's orders took from this store.
    await world.must(ledger.receiveStock, {
      id: 'shelf-refill',
      location: 'ST-1',
      lines: [{ sku: 'SKU-A', qty: 1 }],
    });
    const quoted = await quoteManchester(1);
    const pickup = quoted.options.find((option) => option.option === 'pickup:ST-1')!;
    // The shelf empties between quote and order.
    const shelf = await world.must(ledger.availability, {
      channel: 'web',
      skus: ['SKU-A'],
      locations: ['ST-1'],
    });
    const unheld =
      shelf.items[0]!.locations.find((entry) => entry.location === 'ST-1')?.available ?? 0;
    expect(unheld).toBeGreaterThan(0);
    await world.must(ledger.adjustStock, {
      id: 'shelf-count',
      location: 'ST-1',
      lines: [{ sku: 'SKU-A', delta: -unheld, reason: 'damaged on the shelf' }],
    });
    const reply = await world.request(routing.createOrder, {
      id: 'order-too-late',
      channel: 'web',
      lines: [{ sku: 'SKU-A', qty: 1 }],
      method: 'pickup',
      pickupLocation: 'ST-1',
      promiseId: pickup.promiseId,
    });
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'PROMISE_UNAVAILABLE', details: { reason: 'stock_gone', location: 'ST-1' } },
    });
  });
});
