import { ledger } from '@omnistock/contracts';
import { ledgerService } from '@omnistock/app-stock-ledger';
import { namespacedSubject } from '@omnistock/messaging';
import { GatewayWorld } from './support/gateway-world.js';

/** A service that is down or hangs is a 503 SERVICE_UNAVAILABLE, on its routes and in /health; never a hang or a 500. */
describe('gateway with a service down', () => {
  let w: GatewayWorld;
  let storefront: string;

  beforeAll(async () => {
    w = await GatewayWorld.create('gw_outage');
    await w.seed(['SKU-A'], [{ location: 'WH-1', sku: 'SKU-A', qty: 5 }]);
    storefront = await w.makeKey(['storefront']);
    await w.stopService('ledger');
  });

  afterAll(() => w?.dispose());

  it('answers 503 on the ledger`s routes', async () => {
    const requests = [
      w.http('GET', '/v1/availability?skus=SKU-A&channel=web', { key: storefront }),
      w.http('POST', '/v1/reservations', {
        key: storefront,
        body: {
          id: 'during-outage',
          channel: 'web',
          lines: [{ sku: 'SKU-A', location: 'WH-1', qty: 1 }],
          ttlSeconds: 60,
        },
      }),
      w.http('POST', '/v1/skus', { body: { skus: [{ sku: 'SKU-B' }] } }),
      w.http('GET', '/v1/stock/SKU-A/ledger'),
    ];
    for (const reply of await Promise.all(requests)) {
      expect(reply).toMatchObject({
        status: 503,
        body: { error: { code: 'SERVICE_UNAVAILABLE' } },
      });
    }
  });

  it('keeps serving what does not need the ledger', async () => {
    expect((await w.http('GET', '/docs', { key: null })).status).toBe(200);
    expect(
      (await w.http('POST', '/v1/api-keys', { body: { name: 'during outage', scopes: ['ops'] } }))
        .status,
    ).toBe(201);
  });

  it('reports the ledger down in /health with 503, and the others up', async () => {
    const health = await w.http('GET', '/health', { key: null });
    expect(health.status).toBe(503);
    expect(health.body.status).toBe('degraded');
    expect(health.body.problems).toEqual([
      expect.stringMatching(/^ledger: down \(.*no responders\)$/),
    ]);
    const byService = Object.fromEntries(
      health.body.services.map((s: { service: string; status: string }) => [s.service, s.status]),
    );
    expect(byService).toEqual({
      ledger: 'down',
      routing: 'ok',
      promise: 'ok',
      returns: 'ok',
      gateway: 'ok',
    });
    const metrics = await w.http('GET', '/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.body).toContain('omnistock_gateway_scrape_up{service="ledger"} 0');
  });

  it('answers 503 within its timeout when a service hangs', async () => {
    const impatient = await w.startGateway({ natsTimeoutMs: 300 });
    // Takes the ledger's requests and never answers: a hung replica.
    const hung = w.world.connection.subscribe(
      namespacedSubject(w.world.namespace, ledger.availability.subject),
      { callback: () => undefined },
    );
    await w.world.connection.flush();
    try {
      const started = performance.now();
      const reply = await w.http(
        'GET',
        '/v1/availability?skus=SKU-A&channel=web',
        { key: storefront },
        impatient.url,
      );
      expect(reply).toMatchObject({
        status: 503,
        body: {
          error: { code: 'SERVICE_UNAVAILABLE', message: expect.stringContaining('timed out') },
        },
      });
      expect(performance.now() - started).toBeLessThan(2_000);
    } finally {
      hung.unsubscribe();
    }
  });

  it('recovers when the ledger is back, and nothing was written meanwhile', async () => {
    w.services.set('ledger', await w.world.start(ledgerService));
    const health = await w.http('GET', '/health', { key: null });
    expect(health.status).toBe(200);
    expect(await w.nats(ledger.getHold, { id: 'during-outage' })).toMatchObject({
      ok: false,
      error: { code: 'HOLD_NOT_FOUND' },
    });
    const available = await w.http('GET', '/v1/availability?skus=SKU-A&channel=web', {
      key: storefront,
    });
    expect(available).toMatchObject({
      status: 200,
      body: { items: [{ sku: 'SKU-A', available: 5 }] },
    });
  });
});
