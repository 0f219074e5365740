import { ledger, LIMITS, routing } from '@omnistock/contracts';
import { GatewayWorld } from '../gateway/support/gateway-world.js';

/**
 * The seams between services, as a storefront, a store and a warehouse meet them through
 * the public API on real services: the failures issue 11 found, each shown not to happen.
 */
describe('holds have owners, workflows are sagas (through the gateway)', () => {
  let w: GatewayWorld;
  let storefront: string;
  let webOnly: string;
  let storeOne: string;
  let warehouse: string;

  beforeAll(async () => {
    w = await GatewayWorld.create('seams');
    await w.seed(
      ['SEAM-A', 'SEAM-B', 'SEAM-C', 'SEAM-D', 'SEAM-BIG'],
      [
        { location: 'WH-1', sku: 'SEAM-A', qty: 10 },
        { location: 'ST-1', sku: 'SEAM-B', qty: 5 },
        { location: 'ST-2', sku: 'SEAM-B', qty: 5 },
        { location: 'WH-1', sku: 'SEAM-C', qty: 20 },
        { location: 'WH-1', sku: 'SEAM-D', qty: 1 },
        { location: 'ST-1', sku: 'SEAM-D', qty: 1 },
      ],
    );
    const channels = await w.http('POST', '/v1/channels', {
      body: { channels: [{ code: 'app' }] },
    });
    expect(channels.status).toBeLessThan(300);
    [storefront, webOnly, storeOne, warehouse] = await Promise.all([
      w.makeKey(['storefront']),
      w.makeKey(['storefront'], undefined, ['web']),
      w.makeKey(['store'], ['ST-1']),
      w.makeKey(['warehouse']),
    ]);
  });

  afterAll(() => w?.dispose());

  const available = async (sku: string, key = storefront) => {
    const reply = await w.http('GET', `/v1/availability?skus=${sku}&channel=web`, { key });
    expect(reply.status).toBe(200);
    return reply.body.items[0].available as number;
  };

  const shipTo = { lat: 51.5, lon: -0.12 };

  it('keeps an order`s stock from the storefront that made the cart: the cart hold and the order`s own hold', async () => {
    const cart = await w.http('POST', '/v1/reservations', {
      key: storefront,
      body: {
        id: 'seam-cart-1',
        channel: 'web',
        lines: [{ sku: 'SEAM-A', location: 'WH-1', qty: 2 }],
        ttlSeconds: 600,
      },
    });
    expect(cart.status).toBe(201);
    const order = await w.http('POST', '/v1/orders', {
      key: storefront,
      body: {
        id: 'seam-order-1',
        channel: 'web',
        method: 'ship',
        destination: shipTo,
        lines: [{ sku: 'SEAM-A', qty: 2 }],
        reservationId: 'seam-cart-1',
      },
    });
    expect(order.status).toBe(201);
    // An order without a cart: its hold id is easy to derive (order:placement:location).
    const plain = await w.http('POST', '/v1/orders', {
      key: storefront,
      body: {
        id: 'seam-order-1b',
        channel: 'web',
        method: 'ship',
        destination: shipTo,
        lines: [{ sku: 'SEAM-A', qty: 1 }],
      },
    });
    expect(plain.body.fulfilments[0].holdId).toBe('seam-order-1b:1:WH-1');
    const before = await available('SEAM-A');
    for (const holdId of ['seam-cart-1', 'seam-order-1b:1:WH-1']) {
      const released = await w.http('DELETE', `/v1/reservations/${holdId}`, { key: storefront });
      expect(released).toMatchObject({
        status: 409,
        body: { error: { code: 'HOLD_OWNED_BY_ORDER' } },
      });
      const extended = await w.http('POST', `/v1/reservations/${holdId}/extend`, {
        key: storefront,
        body: { ttlSeconds: 60 },
      });
      expect(extended.status).toBe(409);
    }
    expect(await available('SEAM-A')).toBe(before);
    const fulfilment = order.body.fulfilments[0].id;
    const accepted = await w.http('POST', `/v1/fulfilments/${fulfilment}/accept`, {
      key: warehouse,
    });
    expect(accepted).toMatchObject({ status: 200, body: { status: 'accepted' } });
    expect(await w.http('GET', '/v1/reservations/seam-cart-1', { key: storefront })).toMatchObject({
      status: 200,
      body: { status: 'committed', orderId: 'seam-order-1' },
    });
  });

  it('refuses a count naming one SKU twice, and changes nothing', async () => {
    const reply = await w.http('POST', '/v1/stock/counts', {
      key: warehouse,
      body: {
        id: 'seam-count-twice',
        location: 'WH-1',
        lines: [
          { sku: 'SEAM-C', counted: 22 },
          { sku: 'SEAM-C', counted: 22 },
        ],
      },
    });
    expect(reply).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED' } } });
    const audit = await w.auditOf('SEAM-C');
    expect(audit.at(-1)!.balance.onHand).toBe(20);
  });

  it('answers availability for large stock without a 500', async () => {
    const receipt = await w.http('POST', '/v1/stock/receipts', {
      key: warehouse,
      body: {
        id: 'seam-big',
        location: 'WH-1',
        lines: Array.from({ length: 30 }, () => ({ sku: 'SEAM-BIG', qty: LIMITS.qty_max })),
      },
    });
    expect(receipt.status).toBe(201);
    expect(await available('SEAM-BIG')).toBe(30 * LIMITS.qty_max);
  });

  it('keeps a store key from taking another store`s cart hold into an order', async () => {
    const cart = await w.http('POST', '/v1/reservations', {
      key: storefront,
      body: {
        id: 'seam-cart-st2',
        channel: 'web',
        lines: [{ sku: 'SEAM-B', location: 'ST-2', qty: 1 }],
        ttlSeconds: 600,
      },
    });
    expect(cart.status).toBe(201);
    const order = await w.http('POST', '/v1/orders', {
      key: storeOne,
      body: {
        id: 'seam-order-st',
        channel: 'web',
        method: 'pickup',
        pickupLocation: 'ST-1',
        lines: [{ sku: 'SEAM-B', qty: 1 }],
        reservationId: 'seam-cart-st2',
      },
    });
    expect(order).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    expect(await w.nats(ledger.getHold, { id: 'seam-cart-st2' })).toMatchObject({
      ok: true,
      value: { status: 'held', orderId: null },
    });
    expect(await w.nats(routing.getOrder, { id: 'seam-order-st' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('answers a key bound to a channel as if another channel`s holds and orders did not exist', async () => {
    await w.http('POST', '/v1/reservations', {
      key: storefront,
      body: {
        id: 'seam-app-cart',
        channel: 'app',
        lines: [{ sku: 'SEAM-C', location: 'WH-1', qty: 1 }],
        ttlSeconds: 600,
      },
    });
    const order = await w.http('POST', '/v1/orders', {
      key: storefront,
      body: {
        id: 'seam-app-order',
        channel: 'app',
        method: 'ship',
        destination: shipTo,
        lines: [{ sku: 'SEAM-C', qty: 1 }],
      },
    });
    expect(order.status).toBe(201);
    for (const [method, path] of [
      ['GET', '/v1/reservations/seam-app-cart'],
      ['DELETE', '/v1/reservations/seam-app-cart'],
      ['GET', '/v1/orders/seam-app-order'],
      ['POST', '/v1/orders/seam-app-order/cancel'],
      ['GET', '/v1/orders/no-such-order'],
    ] as const) {
      const reply = await w.http(method, path, {
        key: webOnly,
        ...(method === 'POST' ? { body: {} } : {}),
      });
      expect([path, reply.status]).toEqual([path, 404]);
    }
    const makeForApp = await w.http('POST', '/v1/reservations', {
      key: webOnly,
      body: {
        id: 'seam-app-2',
        channel: 'app',
        lines: [{ sku: 'SEAM-C', location: 'WH-1', qty: 1 }],
        ttlSeconds: 600,
      },
    });
    expect(makeForApp).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    expect(await w.nats(ledger.getHold, { id: 'seam-app-cart' })).toMatchObject({
      ok: true,
      value: { status: 'held' },
    });
    expect((await w.nats(routing.getOrder, { id: 'seam-app-order' })) as object).toMatchObject({
      ok: true,
      value: { status: 'routed' },
    });
  });

  it('finishes a workflow or changes nothing: a ship, reject or cancel the database refuses leaves hold and fulfilment as they were', async () => {
    const order = await w.http('POST', '/v1/orders', {
      key: storefront,
      body: {
        id: 'seam-order-2',
        channel: 'web',
        method: 'ship',
        destination: shipTo,
        lines: [{ sku: 'SEAM-C', qty: 1 }],
      },
    });
    const fulfilment = order.body.fulfilments[0];
    // Straight over NATS, past the gateway's edge: the saga itself must refuse cleanly.
    for (const [contract, payload] of [
      [routing.rejectFulfilment, { id: fulfilment.id, reason: 'bad\u0000byte' }],
      [routing.cancelOrder, { id: 'seam-order-2', reason: 'bad\u0000byte' }],
    ] as const) {
      const reply = await w.nats(contract as typeof routing.cancelOrder, payload as never);
      expect(reply).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    }
    await w.nats(routing.acceptFulfilment, { id: fulfilment.id });
    const shipped = await w.nats(routing.shipFulfilment, {
      id: fulfilment.id,
      tracking: 'T\u0000',
    });
    expect(shipped).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await w.nats(ledger.getHold, { id: fulfilment.holdId })).toMatchObject({
      ok: true,
      value: { status: 'committed' },
    });
    const cancelled = await w.http('POST', '/v1/orders/seam-order-2/cancel', {
      key: storefront,
      body: { reason: 'changed mind' },
    });
    expect(cancelled).toMatchObject({ status: 200, body: { status: 'cancelled' } });
    expect(await w.nats(ledger.getHold, { id: fulfilment.holdId })).toMatchObject({
      ok: true,
      value: { status: 'released' },
    });
  });

  it('re-routes an order whose hold a count took, on the ledger`s word', async () => {
    const order = await w.http('POST', '/v1/orders', {
      key: storefront,
      body: {
        id: 'seam-order-count',
        channel: 'web',
        method: 'ship',
        destination: shipTo,
        lines: [{ sku: 'SEAM-D', qty: 1 }],
      },
    });
    expect(order.status).toBe(201);
    const first = order.body.fulfilments[0];
    const counted = await w.http('POST', '/v1/stock/counts', {
      key: warehouse,
      body: {
        id: 'seam-count-d',
        location: first.location,
        lines: [{ sku: 'SEAM-D', counted: 0 }],
      },
    });
    expect(counted.status).toBe(201);
    expect(counted.body.uncoveredHolds).toEqual([
      expect.objectContaining({ id: first.holdId, orderId: 'seam-order-count' }),
    ]);
    let after = (await w.nats(routing.getOrder, { id: 'seam-order-count' })) as {
      ok: boolean;
      value: { fulfilments: { location: string; status: string }[]; route: { trigger: string }[] };
    };
    for (let i = 0; i < 100 && after.value.fulfilments.length < 2; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      after = (await w.nats(routing.getOrder, { id: 'seam-order-count' })) as typeof after;
    }
    expect(after.value.fulfilments.map((f) => [f.location, f.status])).toEqual([
      [first.location, 'rejected'],
      [first.location === 'WH-1' ? 'ST-1' : 'WH-1', 'assigned'],
    ]);
    expect(after.value.route.at(-1)!.trigger).toBe(`hold_lost_at_${first.location}`);
  });
});
