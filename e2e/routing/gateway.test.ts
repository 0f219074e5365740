import { routingService } from '@omnistock/app-order-routing';
import { GatewayWorld } from '../gateway/support/gateway-world.js';

/** Orders and fulfilments through HTTP: scopes, location-bound keys and the storefront shape. */
describe('order and fulfilment routes', () => {
  let w: GatewayWorld;
  let storefront: string;
  let warehouse: string;
  let storeOne: string;
  let storeTwo: string;

  beforeAll(async () => {
    w = await GatewayWorld.create('routing_gateway', { others: false });
    w.services.set('routing', await w.world.start(routingService));
    await w.seed(
      ['GW-A', 'GW-B'],
      [
        { location: 'ST-1', sku: 'GW-A', qty: 5 },
        { location: 'ST-2', sku: 'GW-A', qty: 5 },
        { location: 'WH-1', sku: 'GW-B', qty: 5 },
      ],
    );
    [storefront, warehouse, storeOne, storeTwo] = await Promise.all([
      w.makeKey(['storefront']),
      w.makeKey(['warehouse']),
      w.makeKey(['store'], ['ST-1']),
      w.makeKey(['store'], ['ST-2']),
    ]);
  });

  afterAll(() => w?.dispose());

  const pickupAtStoreOne = {
    id: 'gw-order-1',
    channel: 'web',
    method: 'pickup',
    pickupLocation: 'ST-1',
    lines: [{ sku: 'GW-A', qty: 2 }],
  };

  it('places an order (201), replays it, and shows it in the storefront shape', async () => {
    const placed = await w.http('POST', '/v1/orders', { key: storefront, body: pickupAtStoreOne });
    expect(placed.status).toBe(201);
    const again = await w.http('POST', '/v1/orders', { key: storefront, body: pickupAtStoreOne });
    expect(again).toMatchObject({ status: 201, body: placed.body });
    const conflict = await w.http('POST', '/v1/orders', {
      key: storefront,
      body: { ...pickupAtStoreOne, lines: [{ sku: 'GW-A', qty: 3 }] },
    });
    expect(conflict).toMatchObject({
      status: 409,
      body: { error: { code: 'IDEMPOTENCY_CONFLICT' } },
    });
    const got = await w.http('GET', '/v1/orders/gw-order-1', { key: storefront });
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({
      id: 'gw-order-1',
      status: 'routed',
      lines: [{ sku: 'GW-A', qty: 2 }],
      fulfilments: [{ location: 'ST-1', status: 'assigned', lines: [{ sku: 'GW-A', qty: 2 }] }],
      route: [expect.objectContaining({ strategy: 'default', candidates: expect.any(Array) })],
    });
  });

  it('lets a store key work its own store`s fulfilment and nobody else`s', async () => {
    const order = await w.http('GET', '/v1/orders/gw-order-1', { key: storefront });
    const id = encodeURIComponent(order.body.fulfilments[0].id);
    const other = await w.http('POST', `/v1/fulfilments/${id}/accept`, { key: storeTwo });
    expect(other).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    const byStorefront = await w.http('POST', `/v1/fulfilments/${id}/accept`, { key: storefront });
    expect(byStorefront.status).toBe(403);
    const accepted = await w.http('POST', `/v1/fulfilments/${id}/accept`, { key: storeOne });
    expect(accepted).toMatchObject({ status: 200, body: { status: 'accepted' } });
    const shipped = await w.http('POST', `/v1/fulfilments/${id}/ship`, { key: storeOne, body: {} });
    expect(shipped).toMatchObject({ status: 409, body: { error: { code: 'INVALID_TRANSITION' } } });
    expect(
      (await w.http('POST', `/v1/fulfilments/${id}/ready`, { key: storeOne })).body.status,
    ).toBe('ready_for_pickup');
    expect(
      (await w.http('POST', `/v1/fulfilments/${id}/collect`, { key: storeOne })).body.status,
    ).toBe('collected');
    const done = await w.http('GET', '/v1/orders/gw-order-1', { key: storefront });
    expect(done.body.status).toBe('fulfilled');
    expect(await w.http('GET', '/v1/orders/gw-order-1', { key: storeTwo })).toMatchObject({
      status: 403,
    });
  });

  it('lists a location`s queue; a bound key must name its own location', async () => {
    const placed = await w.http('POST', '/v1/orders', {
      key: storefront,
      body: {
        id: 'gw-order-2',
        channel: 'web',
        method: 'ship',
        destination: { lat: 51.5, lon: -0.1 },
        lines: [{ sku: 'GW-B', qty: 1 }],
      },
    });
    expect(placed.status).toBe(201);
    const queue = await w.http('GET', '/v1/fulfilments?location=WH-1&status=assigned', {
      key: warehouse,
    });
    expect(queue.status).toBe(200);
    expect(queue.body.fulfilments.map((f: { orderId: string }) => f.orderId)).toEqual([
      'gw-order-2',
    ]);
    expect(await w.http('GET', '/v1/fulfilments', { key: storeOne })).toMatchObject({
      status: 403,
    });
    expect(await w.http('GET', '/v1/fulfilments?location=WH-1', { key: storeOne })).toMatchObject({
      status: 403,
    });
    expect((await w.http('GET', '/v1/fulfilments?location=ST-1', { key: storeOne })).status).toBe(
      200,
    );
    const id = encodeURIComponent(placed.body.fulfilments[0].id);
    const rejected = await w.http('POST', `/v1/fulfilments/${id}/reject`, {
      key: warehouse,
      body: { reason: 'not on the shelf' },
    });
    expect(rejected).toMatchObject({ status: 200, body: { status: 'rejected' } });
    const after = await w.http('GET', '/v1/orders/gw-order-2', { key: storefront });
    expect(after.body).toMatchObject({
      status: 'backordered',
      backordered: [{ sku: 'GW-B', qty: 1 }],
    });
    const cancelled = await w.http('POST', '/v1/orders/gw-order-2/cancel', {
      key: storefront,
      body: { reason: 'customer gave up' },
    });
    expect(cancelled).toMatchObject({ status: 200, body: { status: 'cancelled' } });
  });

  it('answers typed errors over HTTP for bad orders', async () => {
    const bad = await w.http('POST', '/v1/orders', {
      key: storefront,
      body: {
        id: 'gw-bad',
        channel: 'web',
        method: 'pickup',
        pickupLocation: 'WH-1',
        lines: [{ sku: 'GW-A', qty: 1 }],
      },
    });
    expect(bad).toMatchObject({ status: 409, body: { error: { code: 'LOCATION_NOT_ALLOWED' } } });
    const empty = await w.http('POST', '/v1/orders', {
      key: storefront,
      body: {
        id: 'gw-empty',
        channel: 'web',
        method: 'ship',
        destination: { lat: 1, lon: 1 },
        lines: [],
      },
    });
    expect(empty.status).toBe(400);
    expect((await w.http('GET', '/v1/orders/gw-nope', { key: storefront })).status).toBe(404);
  });
});
