import { ledger, returns, routing } from '@omnistock/contracts';
import { routingService } from '@omnistock/app-order-routing';
import { returnsService } from '@omnistock/app-returns';
import { ledgerService } from '@omnistock/app-stock-ledger';
import { TEST_LOCATIONS, TestWorld } from '@omnistock/testing';

/** Nothing faked: an order routed, shipped by the warehouse, returned at a store. */
describe('a return of a real order, with the ledger, routing and returns running', () => {
  let world: TestWorld;
  const call: TestWorld['call'] = (contract, payload) => world.call(contract, payload);
  const ok: TestWorld['ok'] = (contract, payload) => world.ok(contract, payload);
  const available = async (sku: string, location: string) => {
    const reply = await ok(ledger.availability, {
      channel: 'web',
      skus: [sku],
      locations: [location],
    });
    return (
      reply.items[0].locations.find((l: { location: string }) => l.location === location)
        ?.available ?? 0
    );
  };

  beforeAll(async () => {
    world = await TestWorld.create('returns_full');
    await world.start(ledgerService);
    await world.start(routingService);
    await world.start(returnsService);
    await ok(ledger.upsertLocations, { locations: TEST_LOCATIONS });
    await ok(ledger.upsertSkus, { skus: [{ sku: 'SKU-R' }, { sku: 'SKU-X' }] });
    await ok(ledger.upsertChannels, { channels: [{ code: 'web' }] });
    await ok(ledger.receiveStock, {
      id: 'fs-stock',
      location: 'WH-1',
      lines: [
        { sku: 'SKU-R', qty: 5 },
        { sku: 'SKU-X', qty: 5 },
      ],
    });
    const order = await ok(routing.createOrder, {
      id: 'fs-order',
      channel: 'web',
      lines: [{ sku: 'SKU-R', qty: 2 }],
      method: 'ship',
      destination: { lat: 51.5, lon: -0.12 },
    });
    const fulfilment = order.fulfilments[0];
    await ok(routing.acceptFulfilment, { id: fulfilment.id });
    await ok(routing.shipFulfilment, { id: fulfilment.id });
  });

  afterAll(() => world?.dispose());

  it('refuses a return before anything shipped, and takes one after', async () => {
    const unshipped = await ok(routing.createOrder, {
      id: 'fs-unshipped',
      channel: 'web',
      lines: [{ sku: 'SKU-R', qty: 1 }],
      method: 'ship',
      destination: { lat: 51.5, lon: -0.12 },
    });
    expect(unshipped.status).not.toBe('cancelled');
    expect(
      await call(returns.createReturn, {
        id: 'fs-r0',
        orderId: 'fs-unshipped',
        lines: [{ sku: 'SKU-R', qty: 1, reason: 'changed_mind' }],
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'RETURN_NOT_ALLOWED' },
    });
  });

  it('puts a shipped unit returned at a store back on that store`s shelf, and swaps another for a replacement order', async () => {
    await ok(returns.createReturn, {
      id: 'fs-r1',
      orderId: 'fs-order',
      lines: [{ sku: 'SKU-R', qty: 1, reason: 'changed_mind' }],
    });
    await ok(returns.receiveReturn, {
      id: 'fs-r1',
      location: 'ST-1',
      lines: [{ sku: 'SKU-R', qty: 1 }],
    });
    await ok(returns.inspectReturn, {
      id: 'fs-r1',
      lines: [{ sku: 'SKU-R', qty: 1, grade: 'resellable' }],
    });
    expect(await available('SKU-R', 'ST-1')).toBe(1);

    const exchange = await ok(returns.createReturn, {
      id: 'fs-r2',
      orderId: 'fs-order',
      lines: [{ sku: 'SKU-R', qty: 1, reason: 'wrong_size' }],
      exchange: { lines: [{ sku: 'SKU-X', qty: 1 }] },
    });
    const reservedBefore = (await ok(ledger.availability, { channel: 'web', skus: ['SKU-X'] }))
      .items[0].available;
    const received = await ok(returns.receiveReturn, {
      id: 'fs-r2',
      location: 'ST-2',
      lines: [{ sku: 'SKU-R', qty: 1 }],
    });
    expect(received.exchange).toMatchObject({
      status: 'ordered',
      holdId: exchange.exchange!.holdId,
    });
    const replacement = await ok(routing.getOrder, { id: received.exchange!.orderId! });
    expect(replacement.lines).toEqual([{ sku: 'SKU-X', qty: 1 }]);
    expect(replacement.fulfilments).toHaveLength(1);
    // The replacement took the exchange hold over: nothing more is held than before.
    expect(
      (await ok(ledger.availability, { channel: 'web', skus: ['SKU-X'] })).items[0].available,
    ).toBe(reservedBefore);
    expect((await ok(ledger.reconcile, {})).drift).toEqual([]);
  });
});
