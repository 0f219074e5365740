import { asyncApiDocument, ledger } from '@omnistock/contracts';
import { ALL_ROUTES } from '@omnistock/app-gateway';
import { namespacedSubject } from '@omnistock/messaging';
import { GatewayWorld } from './support/gateway-world.js';

/** Every route's good path, through HTTP, against the real ledger on Postgres and NATS. */
describe('gateway routes', () => {
  let w: GatewayWorld;
  let storefront: string;
  let warehouse: string;
  let ops: string;

  beforeAll(async () => {
    w = await GatewayWorld.create('gw_routes');
    await w.seed(['SKU-A', 'SKU-B', 'SKU-C']);
    [storefront, warehouse, ops] = await Promise.all([
      w.makeKey(['storefront', 'store']),
      w.makeKey(['warehouse']),
      w.makeKey(['ops']),
    ]);
  });

  afterAll(() => w?.dispose());

  it('upserts reference data in bulk and answers with what it stored', async () => {
    const locations = await w.http('POST', '/v1/locations', {
      body: {
        locations: [
          {
            code: 'LK-1',
            name: 'Locker',
            kind: 'locker',
            lat: 51.51,
            lon: -0.12,
            timezone: 'Europe/London',
            capabilities: ['pickup'],
            dailyCapacity: 40,
          },
        ],
      },
    });
    expect(locations.status).toBe(200);
    expect(locations.body.locations[0]).toMatchObject({
      code: 'LK-1',
      kind: 'locker',
      dailyCapacity: 40,
    });
    const skus = await w.http('POST', '/v1/skus', {
      body: { skus: [{ sku: 'SKU-D', name: 'Dee' }] },
    });
    expect(skus).toMatchObject({ status: 200, body: { skus: [{ sku: 'SKU-D', name: 'Dee' }] } });
    const channels = await w.http('POST', '/v1/channels', {
      body: { channels: [{ code: 'app', safetyStock: 1 }] },
    });
    expect(channels).toMatchObject({
      status: 200,
      body: { channels: [{ code: 'app', safetyStock: 1 }] },
    });
  });

  it('receives stock (201), and a replay of the same receipt answers the same and adds nothing', async () => {
    const body = {
      id: 'rcpt-1',
      location: 'WH-1',
      lines: [
        { sku: 'SKU-A', qty: 10 },
        { sku: 'SKU-B', qty: 5 },
      ],
      reference: 'PO-7',
    };
    const first = await w.http('POST', '/v1/stock/receipts', { key: warehouse, body });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ id: 'rcpt-1', kind: 'receipt' });
    expect(first.body.positions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sku: 'SKU-A', location: 'WH-1', onHand: 10 }),
      ]),
    );
    const replay = await w.http('POST', '/v1/stock/receipts', { key: warehouse, body });
    expect(replay).toMatchObject({ status: 201, body: first.body });
    await w.http('POST', '/v1/stock/receipts', {
      key: warehouse,
      body: { id: 'rcpt-2', location: 'ST-1', lines: [{ sku: 'SKU-A', qty: 4 }] },
    });
    // The ledger records the key as the actor: the gateway, not the client, says who acted.
    const entries = (await w.auditOf('SKU-A')).filter((e) => e.reference === 'PO-7');
    expect(entries).toHaveLength(1);
    expect(entries[0]!.actor).toMatch(/^api-key:key_/);
  });

  it('answers availability per SKU and per location, for a location, and nearest first', async () => {
    const all = await w.http('GET', '/v1/availability?skus=SKU-A,SKU-B&channel=web', {
      key: storefront,
    });
    expect(all.status).toBe(200);
    expect(all.body.items).toEqual(
      expect.arrayContaining([
        {
          sku: 'SKU-A',
          available: 14,
          locations: expect.arrayContaining([
            { location: 'WH-1', available: 10 },
            { location: 'ST-1', available: 4 },
          ]),
        },
        expect.objectContaining({ sku: 'SKU-B', available: 5 }),
      ]),
    );
    const one = await w.http('GET', '/v1/availability?skus=SKU-A&channel=web&location=ST-1', {
      key: storefront,
    });
    expect(one.body.items).toEqual([
      { sku: 'SKU-A', available: 4, locations: [{ location: 'ST-1', available: 4 }] },
    ]);
    // From Manchester, ST-1 (Manchester) comes before WH-1 (London).
    const near = await w.http('GET', '/v1/availability?skus=SKU-A&channel=web&lat=53.4&lon=-2.2', {
      key: storefront,
    });
    expect(near.status).toBe(200);
    const locations = near.body.items[0].locations;
    expect(locations.map((l: { location: string }) => l.location).slice(0, 2)).toEqual([
      'ST-1',
      'WH-1',
    ]);
    expect(locations[0].distanceKm).toBeLessThan(locations[1].distanceKm);
    const capped = await w.http('GET', '/v1/availability?skus=SKU-A&channel=marketplace', {
      key: storefront,
    });
    expect(capped.body.items[0]).toMatchObject({ sku: 'SKU-A', available: 5 });
  });

  it('holds (201), replays the hold unchanged, extends and releases it', async () => {
    const body = {
      id: 'cart-1',
      channel: 'web',
      lines: [{ sku: 'SKU-A', location: 'WH-1', qty: 3 }],
      ttlSeconds: 60,
    };
    const hold = await w.http('POST', '/v1/reservations', { key: storefront, body });
    expect(hold.status).toBe(201);
    expect(hold.body).toMatchObject({
      id: 'cart-1',
      status: 'held',
      lines: [{ sku: 'SKU-A', location: 'WH-1', qty: 3 }],
    });
    expect(Date.parse(hold.body.expiresAt)).toBeGreaterThan(Date.now());
    const replay = await w.http('POST', '/v1/reservations', { key: storefront, body });
    expect(replay).toMatchObject({ status: 201, body: hold.body });
    const conflict = await w.http('POST', '/v1/reservations', {
      key: storefront,
      body: { ...body, lines: [{ sku: 'SKU-A', location: 'WH-1', qty: 4 }] },
    });
    expect(conflict).toMatchObject({
      status: 409,
      body: { error: { code: 'IDEMPOTENCY_CONFLICT' } },
    });
    const available = await w.http('GET', '/v1/availability?skus=SKU-A&channel=web&location=WH-1', {
      key: storefront,
    });
    expect(available.body.items[0].available).toBe(7);

    const extended = await w.http('POST', '/v1/reservations/cart-1/extend', {
      key: storefront,
      body: { ttlSeconds: 3600 },
    });
    expect(extended.status).toBe(200);
    expect(Date.parse(extended.body.expiresAt)).toBeGreaterThan(Date.parse(hold.body.expiresAt));
    const released = await w.http('DELETE', '/v1/reservations/cart-1', { key: storefront });
    expect(released).toMatchObject({ status: 200, body: { id: 'cart-1', status: 'released' } });
    const again = await w.http('DELETE', '/v1/reservations/cart-1', { key: storefront });
    expect(again).toMatchObject({ status: 200, body: { status: 'released' } });
  });

  it('maps the ledger`s typed refusals to their statuses', async () => {
    const short = await w.http('POST', '/v1/reservations', {
      key: storefront,
      body: {
        id: 'cart-big',
        channel: 'web',
        lines: [{ sku: 'SKU-B', location: 'WH-1', qty: 6 }],
        ttlSeconds: 60,
      },
    });
    expect(short).toMatchObject({ status: 409, body: { error: { code: 'INSUFFICIENT_STOCK' } } });
    const unknown = await w.http('POST', '/v1/stock/receipts', {
      key: warehouse,
      body: { id: 'rcpt-x', location: 'WH-1', lines: [{ sku: 'NOPE', qty: 1 }] },
    });
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: 'UNKNOWN_SKU' } } });
    const missing = await w.http('DELETE', '/v1/reservations/never-made', { key: storefront });
    expect(missing).toMatchObject({ status: 404, body: { error: { code: 'HOLD_NOT_FOUND' } } });
  });

  it('adjusts, counts, and sends and receives a transfer', async () => {
    const adjusted = await w.http('POST', '/v1/stock/adjustments', {
      key: warehouse,
      body: {
        id: 'adj-1',
        location: 'WH-1',
        lines: [{ sku: 'SKU-B', delta: -1, reason: 'damaged' }],
      },
    });
    expect(adjusted.status).toBe(201);
    expect(adjusted.body.positions[0]).toMatchObject({ sku: 'SKU-B', onHand: 4 });
    const counted = await w.http('POST', '/v1/stock/counts', {
      key: warehouse,
      body: { id: 'count-1', location: 'WH-1', lines: [{ sku: 'SKU-B', counted: 6 }] },
    });
    expect(counted.status).toBe(201);
    expect(counted.body).toMatchObject({ kind: 'count', uncoveredHolds: [] });
    expect(counted.body.positions[0]).toMatchObject({ sku: 'SKU-B', onHand: 6 });
    const sent = await w.http('POST', '/v1/stock/transfers', {
      key: warehouse,
      body: { id: 'tr-1', from: 'WH-1', to: 'ST-2', lines: [{ sku: 'SKU-B', qty: 2 }] },
    });
    expect(sent.status).toBe(201);
    expect(sent.body.positions).toEqual(
      expect.arrayContaining([expect.objectContaining({ location: 'ST-2', inTransit: 2 })]),
    );
    const received = await w.http('POST', '/v1/stock/transfers/tr-1/receive', { key: warehouse });
    expect(received.status).toBe(200);
    expect(received.body.positions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ location: 'ST-2', onHand: 2, inTransit: 0 }),
      ]),
    );
  });

  it('shows a SKU`s ledger with its filters', async () => {
    const all = await w.http('GET', '/v1/stock/SKU-B/ledger', { key: warehouse });
    expect(all.status).toBe(200);
    expect(all.body.entries.map((e: { kind: string }) => e.kind)).toEqual(
      expect.arrayContaining(['receipt', 'adjustment', 'count', 'transfer_out', 'transfer_in']),
    );
    const filtered = await w.http(
      'GET',
      '/v1/stock/SKU-B/ledger?location=WH-1&kinds=receipt,count&limit=10',
      { key: warehouse },
    );
    expect(filtered.status).toBe(200);
    expect(new Set(filtered.body.entries.map((e: { kind: string }) => e.kind))).toEqual(
      new Set(['receipt', 'count']),
    );
    for (const entry of filtered.body.entries) expect(entry.location).toBe('WH-1');
  });

  it('makes a key shown once and revokes it at once', async () => {
    const made = await w.http('POST', '/v1/api-keys', {
      body: { name: 'till 4', scopes: ['store'], locations: ['ST-1'] },
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      id: expect.stringMatching(/^key_/),
      name: 'till 4',
      scopes: ['store'],
      locations: ['ST-1'],
    });
    expect(made.body.key).toMatch(/^osk_.{40,}$/);
    const stored = await w.gateway.runtime.dataSource.query(
      'SELECT key_sha256 FROM api_keys WHERE id = $1',
      [made.body.id],
    );
    expect(stored[0].key_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(stored[0].key_sha256).not.toContain(made.body.key);
    const works = await w.http('POST', '/v1/reservations', {
      key: made.body.key,
      body: {
        id: 'till-4-sale',
        channel: 'web',
        lines: [{ sku: 'SKU-A', location: 'ST-1', qty: 1 }],
        ttlSeconds: 30,
      },
    });
    expect(works.status).toBe(201);
    const revoked = await w.http('DELETE', `/v1/api-keys/${made.body.id}`);
    expect(revoked).toMatchObject({
      status: 200,
      body: { id: made.body.id, revokedAt: expect.any(String) },
    });
    const refused = await w.http('DELETE', '/v1/reservations/till-4-sale', { key: made.body.key });
    expect(refused).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHENTICATED' } } });
    expect((await w.http('DELETE', '/v1/api-keys/key_never')).status).toBe(404);
  });

  it('serves OpenAPI 3.1 for every route and the AsyncAPI document', async () => {
    const openapi = await w.http('GET', '/docs', { key: null });
    expect(openapi.status).toBe(200);
    expect(openapi.body.openapi).toBe('3.1.0');
    for (const route of ALL_ROUTES) {
      const path = route.path.replace(/:([A-Za-z]+)/g, '{$1}');
      expect(openapi.body.paths[path]?.[route.method.toLowerCase()]).toBeDefined();
    }
    // The documented body is the very schema the contract validates with (less the actor the gateway sets).
    const reserveBody =
      openapi.body.paths['/v1/reservations'].post.requestBody.content['application/json'].schema;
    expect(reserveBody.additionalProperties).toBe(false);
    expect(reserveBody.properties.lines).toEqual(
      JSON.parse(JSON.stringify(ledger.reserve.request.schema.properties.lines)),
    );
    expect(reserveBody.properties.actor).toBeUndefined();
    const asyncapi = await w.http('GET', '/docs/asyncapi', { key: null });
    expect(asyncapi.status).toBe(200);
    expect(asyncapi.body).toEqual(JSON.parse(JSON.stringify(asyncApiDocument())));
  });

  it('reports every service healthy', async () => {
    const health = await w.http('GET', '/health', { key: null });
    expect(health.status).toBe(200);
    expect(health.body.status).toBe('ok');
    expect(
      health.body.services.map((s: { service: string; status: string }) => [s.service, s.status]),
    ).toEqual([
      ['ledger', 'ok'],
      ['routing', 'ok'],
      ['promise', 'ok'],
      ['returns', 'ok'],
      ['gateway', 'ok'],
    ]);
  });

  it('serves Prometheus text of every service, each family declared once', async () => {
    const metrics = await w.http('GET', '/metrics', { key: ops });
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain; version=0.0.4/);
    const text = metrics.body as string;
    for (const service of ['ledger', 'routing', 'promise', 'returns', 'gateway']) {
      expect(text).toContain(`omnistock_gateway_scrape_up{service="${service}"} 1`);
      expect(text).toMatch(new RegExp(`omnistock_process_\\w+\\{[^}]*service="${service}"`));
    }
    expect(text).toMatch(
      /omnistock_requests_total\{[^}]*subject="omnistock\.v1\.ledger\.reserve"[^}]*service="ledger"/,
    );
    expect(text).toMatch(/omnistock_gateway_http_requests_total\{[^}]*route="\/v1\/reservations"/);
    const types = text.split('\n').filter((line) => line.startsWith('# TYPE '));
    expect(new Set(types).size).toBe(types.length);
  });

  it('echoes a request id, makes one when absent, and passes it to the service over NATS', async () => {
    const seen: string[] = [];
    const spy = w.world.connection.subscribe(
      namespacedSubject(w.world.namespace, ledger.availability.subject),
      {
        callback: (_error, message) => {
          seen.push(message.headers?.get('x-request-id') ?? '');
        },
      },
    );
    await w.world.connection.flush();
    const mine = await w.http('GET', '/v1/availability?skus=SKU-A&channel=web', {
      key: storefront,
      headers: { 'x-request-id': 'trace-42' },
    });
    expect(mine.status).toBe(200);
    expect(mine.headers.get('x-request-id')).toBe('trace-42');
    expect(seen).toContain('trace-42');
    spy.unsubscribe();
    const made = await w.http('GET', '/nowhere', {
      headers: { 'x-request-id': 'bad id with spaces' },
    });
    expect(made.status).toBe(404);
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
