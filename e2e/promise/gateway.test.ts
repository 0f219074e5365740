import { promiseService } from '@omnistock/app-delivery-promise';
import { GatewayWorld } from '../gateway/support/gateway-world.js';
import { CALENDARS, CARRIERS, LONDON } from './support/promise-world.js';

describe('POST /v1/delivery-promises through the gateway', () => {
  let gateway: GatewayWorld;
  let storefront: string;

  beforeAll(async () => {
    gateway = await GatewayWorld.create('promise_gateway', { others: false });
    gateway.services.set('promise', await gateway.world.start(promiseService));
    await gateway.seed(['SKU-A'], [{ location: 'WH-1', sku: 'SKU-A', qty: 5 }]);
    storefront = await gateway.makeKey(['storefront']);
    const calendars = await gateway.http('POST', '/v1/delivery-promises/calendars', {
      body: { calendars: [CALENDARS[0]] },
    });
    expect(calendars).toMatchObject({
      status: 200,
      body: { calendars: [{ location: 'WH-1', version: 1 }] },
    });
    const carriers = await gateway.http('POST', '/v1/delivery-promises/carriers', {
      body: { carriers: CARRIERS },
    });
    expect(carriers.status).toBe(200);
  }, 60_000);

  afterAll(async () => {
    await gateway?.dispose();
  });

  const body = {
    channel: 'web',
    destination: { postcode: 'EC1A 1BB', ...LONDON },
    lines: [{ sku: 'SKU-A', qty: 1 }],
  };

  it('answers a storefront with its options, each a promise it can order on', async () => {
    const reply = await gateway.http('POST', '/v1/delivery-promises', { key: storefront, body });
    expect(reply.status).toBe(200);
    expect(reply.body.options.length).toBeGreaterThan(0);
    const [first] = reply.body.options;
    expect(first).toMatchObject({
      promiseId: expect.stringMatching(/^pr_/),
      locations: ['WH-1'],
      cutoff: { text: expect.stringMatching(/^order within /) },
    });
    const stored = await gateway.http('GET', `/v1/delivery-promises/${first.promiseId}`, {
      key: storefront,
    });
    expect(stored).toMatchObject({
      status: 200,
      body: { promiseId: first.promiseId, outcome: null },
    });
  });

  it.each([
    ['a caller-chosen clock', { ...body, now: '2026-03-23T12:00:00Z' }, 400, 'VALIDATION_FAILED'],
    ['no lines', { ...body, lines: [] }, 400, 'VALIDATION_FAILED'],
    [
      'a latitude out of range',
      { ...body, destination: { lat: 91, lon: 0 } },
      400,
      'VALIDATION_FAILED',
    ],
    ['an unknown SKU', { ...body, lines: [{ sku: 'SKU-ZZZ', qty: 1 }] }, 404, 'UNKNOWN_SKU'],
  ])('refuses %s, storing no promise', async (_name, request, status, code) => {
    const promiseCount = async () => {
      const db = gateway.services.get('promise')!.runtime.dataSource;
      const [row] = await db.query('SELECT count(*)::int AS n FROM promises');
      return row.n as number;
    };
    const before = await promiseCount();
    const reply = await gateway.http('POST', '/v1/delivery-promises', {
      key: storefront,
      body: request,
    });
    expect(reply).toMatchObject({ status, body: { error: { code } } });
    expect(await promiseCount()).toBe(before);
  });

  it('keeps configuration and kept-rate to the keys that may see them', async () => {
    const warehouse = await gateway.makeKey(['warehouse']);
    expect(
      (await gateway.http('POST', '/v1/delivery-promises', { key: warehouse, body })).status,
    ).toBe(403);
    const carriers = await gateway.http('POST', '/v1/delivery-promises/carriers', {
      key: storefront,
      body: { carriers: CARRIERS },
    });
    expect(carriers.status).toBe(403);
    const rate = await gateway.http('GET', '/v1/delivery-promises/kept-rate?groupBy=carrier');
    expect(rate).toMatchObject({ status: 200, body: { groupBy: 'carrier', groups: [] } });
    const missing = await gateway.http('GET', '/v1/delivery-promises/pr_nope', { key: storefront });
    expect(missing).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
  });
});
