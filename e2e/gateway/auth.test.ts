import { ledger } from '@omnistock/contracts';
import { ALL_ROUTES } from '@omnistock/app-gateway';
import { GatewayWorld } from './support/gateway-world.js';

const SCOPES = ['storefront', 'store', 'returns_desk', 'warehouse', 'ops', 'admin'] as const;

/** A concrete URL for a route pattern: path parameters get a harmless value. */
const concrete = (path: string) => path.replace(/:([A-Za-z]+)/g, 'x-1');
const guarded = ALL_ROUTES.filter((route) => route.scopes !== 'open');

describe('gateway auth', () => {
  let w: GatewayWorld;
  const keys: Record<string, string> = {};

  beforeAll(async () => {
    w = await GatewayWorld.create('gw_auth', { others: false });
    await w.seed(
      ['SKU-A'],
      [
        { location: 'WH-1', sku: 'SKU-A', qty: 10 },
        { location: 'ST-1', sku: 'SKU-A', qty: 10 },
      ],
    );
    for (const scope of SCOPES) keys[scope] = await w.makeKey([scope]);
  });

  afterAll(() => w?.dispose());

  it('refuses every guarded route without a key, or with a bad or malformed one (401)', async () => {
    for (const route of guarded) {
      for (const headers of [
        {} as Record<string, string>,
        { authorization: 'Bearer osk_not_a_key' },
        { authorization: 'Basic YWRtaW46YWRtaW4=' },
        { authorization: 'Bearer' },
      ]) {
        const reply = await w.http(route.method, concrete(route.path), { key: null, headers });
        expect([route.path, reply.status, reply.body.error?.code]).toEqual([
          route.path,
          401,
          'UNAUTHENTICATED',
        ]);
      }
    }
  });

  it('checks the key before reading the body: no key and malformed JSON is 401', async () => {
    const reply = await w.http('POST', '/v1/reservations', { key: null, body: '{"id": ' });
    expect(reply).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHENTICATED' } } });
  });

  it('refuses every route to every key outside its scopes (403)', async () => {
    for (const route of guarded) {
      for (const scope of SCOPES.filter((s) => !(route.scopes as readonly string[]).includes(s))) {
        const reply = await w.http(route.method, concrete(route.path), { key: keys[scope]! });
        expect([route.method, route.path, scope, reply.status, reply.body.error?.code]).toEqual([
          route.method,
          route.path,
          scope,
          403,
          'FORBIDDEN',
        ]);
      }
    }
  });

  it('lets a key act inside its scopes', async () => {
    const hold = await w.http('POST', '/v1/reservations', {
      key: keys.store!,
      body: {
        id: 'scoped-hold',
        channel: 'web',
        lines: [{ sku: 'SKU-A', location: 'WH-1', qty: 1 }],
        ttlSeconds: 30,
      },
    });
    expect(hold.status).toBe(201);
    expect((await w.http('GET', '/metrics', { key: keys.ops! })).status).toBe(200);
    expect((await w.http('GET', '/dashboard/data', { key: keys.ops! })).status).toBe(200);
    expect((await w.http('GET', '/v1/stock/SKU-A/ledger', { key: keys.warehouse! })).status).toBe(
      200,
    );
  });

  describe('keys bound to locations', () => {
    let till: string;
    let wms: string;

    beforeAll(async () => {
      till = await w.makeKey(['store', 'storefront'], ['ST-1']);
      wms = await w.makeKey(['warehouse'], ['WH-1']);
    });

    it('hold only at their own location', async () => {
      const hold = (id: string, location: string) =>
        w.http('POST', '/v1/reservations', {
          key: till,
          body: { id, channel: 'web', lines: [{ sku: 'SKU-A', location, qty: 1 }], ttlSeconds: 30 },
        });
      expect((await hold('till-own', 'ST-1')).status).toBe(201);
      const elsewhere = await hold('till-elsewhere', 'WH-1');
      expect(elsewhere).toMatchObject({
        status: 403,
        body: { error: { code: 'FORBIDDEN', details: { locations: ['WH-1'] } } },
      });
      expect((await w.nats(ledger.getHold, { id: 'till-elsewhere' })).ok).toBe(false);
    });

    it('release and extend only holds at their own location', async () => {
      expect(
        (
          await w.http('POST', '/v1/reservations/scoped-hold/extend', {
            key: till,
            body: { ttlSeconds: 60 },
          })
        ).status,
      ).toBe(403);
      expect((await w.http('DELETE', '/v1/reservations/scoped-hold', { key: till })).status).toBe(
        403,
      );
      const hold = await w.nats(ledger.getHold, { id: 'scoped-hold' });
      expect(hold).toMatchObject({ ok: true, value: { status: 'held' } });
      expect(
        (
          await w.http('POST', '/v1/reservations/till-own/extend', {
            key: till,
            body: { ttlSeconds: 60 },
          })
        ).status,
      ).toBe(200);
      expect((await w.http('DELETE', '/v1/reservations/till-own', { key: till })).status).toBe(200);
    });

    it('see availability of their own location(s) only', async () => {
      const narrowed = await w.http('GET', '/v1/availability?skus=SKU-A&channel=web', {
        key: till,
      });
      expect(narrowed.status).toBe(200);
      expect(narrowed.body.items[0].locations.map((l: { location: string }) => l.location)).toEqual(
        ['ST-1'],
      );
      expect(
        (
          await w.http('GET', '/v1/availability?skus=SKU-A&channel=web&location=WH-1', {
            key: till,
          })
        ).status,
      ).toBe(403);
    });

    it('move stock only at their own location, and nothing is written otherwise', async () => {
      const before = (await w.auditOf('SKU-A')).length;
      const receipt = (id: string, location: string) =>
        w.http('POST', '/v1/stock/receipts', {
          key: wms,
          body: { id, location, lines: [{ sku: 'SKU-A', qty: 1 }] },
        });
      expect((await receipt('wms-elsewhere', 'ST-1')).status).toBe(403);
      expect((await w.auditOf('SKU-A')).length).toBe(before);
      expect((await receipt('wms-own', 'WH-1')).status).toBe(201);
      const transfer = await w.http('POST', '/v1/stock/transfers', {
        key: wms,
        body: { id: 'wms-tr', from: 'WH-1', to: 'ST-1', lines: [{ sku: 'SKU-A', qty: 1 }] },
      });
      expect(transfer.status).toBe(403);
      // The ledger has no verb to find a transfer's destination yet, so a bound key is refused (fail closed).
      expect((await w.http('POST', '/v1/stock/transfers/any/receive', { key: wms })).status).toBe(
        403,
      );
      expect((await w.http('GET', '/v1/stock/SKU-A/ledger', { key: wms })).status).toBe(403);
      expect(
        (await w.http('GET', '/v1/stock/SKU-A/ledger?location=WH-1', { key: wms })).status,
      ).toBe(200);
    });

    it('an admin bound to a location manages that location only', async () => {
      const admin = await w.makeKey(['admin'], ['ST-1']);
      expect(
        (await w.http('POST', '/v1/skus', { key: admin, body: { skus: [{ sku: 'SKU-Z' }] } }))
          .status,
      ).toBe(403);
      const unbound = await w.http('POST', '/v1/api-keys', {
        key: admin,
        body: { name: 'x', scopes: ['store'] },
      });
      expect(unbound.status).toBe(403);
      const other = await w.http('POST', '/v1/api-keys', {
        key: admin,
        body: { name: 'x', scopes: ['store'], locations: ['WH-1'] },
      });
      expect(other.status).toBe(403);
      const own = await w.http('POST', '/v1/api-keys', {
        key: admin,
        body: { name: 'x', scopes: ['store'], locations: ['ST-1'] },
      });
      expect(own.status).toBe(201);
    });

    it('an admin bound to a location configures that location`s calendar only', async () => {
      const admin = await w.makeKey(['admin'], ['ST-1']);
      const calendar = (location: string) => ({
        calendars: [
          {
            location,
            openingHours: [{ weekday: 1, open: '09:00', close: '17:00' }],
            cutoff: '14:00',
            processingMinutes: 30,
          },
        ],
      });
      const elsewhere = await w.http('POST', '/v1/delivery-promises/calendars', {
        key: admin,
        body: calendar('WH-1'),
      });
      expect(elsewhere).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
      // Its own location passes the gateway; this world runs no promise service, so 503.
      const own = await w.http('POST', '/v1/delivery-promises/calendars', {
        key: admin,
        body: calendar('ST-1'),
      });
      expect(own).toMatchObject({ status: 503, body: { error: { code: 'SERVICE_UNAVAILABLE' } } });
      const global = await w.http('POST', '/v1/delivery-promises/carriers', {
        key: admin,
        body: {
          carriers: [
            {
              code: 'DPD',
              services: [
                {
                  level: 'standard',
                  transitDays: [{ upToKm: 500, days: 1 }],
                  defaultCollectionTime: '17:00',
                  deliveryHours: { from: '09:00', to: '18:00' },
                  price: { amountMinor: 499, currency: 'GBP' },
                },
              ],
            },
          ],
        },
      });
      // Carriers are global: a location-bound key names none of its own, so it is refused.
      expect(global).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    });

    it('cannot be made for a location that does not exist', async () => {
      const reply = await w.http('POST', '/v1/api-keys', {
        body: { name: 'typo', scopes: ['store'], locations: ['ST-99'] },
      });
      expect(reply).toMatchObject({
        status: 404,
        body: { error: { code: 'UNKNOWN_LOCATION', details: { locations: ['ST-99'] } } },
      });
    });
  });

  it('limits each key`s rate with 429 RATE_LIMITED and Retry-After, one bucket per key', async () => {
    const tight = await w.startGateway({ rateLimitPerSecond: 1, rateLimitBurst: 3 });
    const ask = (key: string) =>
      w.http('GET', '/v1/availability?skus=SKU-A&channel=web', { key }, tight.url);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await ask(keys.storefront!)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await ask(keys.storefront!);
    expect(limited).toMatchObject({ status: 429, body: { error: { code: 'RATE_LIMITED' } } });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const other = await w.makeKey(['storefront']);
    expect((await ask(other)).status).toBe(200);
    // Open routes are limited per client address instead.
    const open = [];
    for (let i = 0; i < 4; i++)
      open.push((await w.http('GET', '/health', { key: null }, tight.url)).status);
    expect(open.slice(0, 3).every((status) => status !== 429)).toBe(true);
    expect(open[3]).toBe(429);
  });

  it('takes the admin key from OMNISTOCK_ADMIN_KEY at boot; a new value rotates it', async () => {
    const rotated = `osk_rotated_${'r'.repeat(30)}`;
    const next = await w.startGateway({ adminKey: rotated });
    expect(
      (
        await w.http(
          'POST',
          '/v1/skus',
          { key: rotated, body: { skus: [{ sku: 'SKU-R' }] } },
          next.url,
        )
      ).status,
    ).toBe(200);
    expect(
      (await w.http('POST', '/v1/skus', { body: { skus: [{ sku: 'SKU-R' }] } }, next.url)).status,
    ).toBe(401);
    const rows = await w.gateway.runtime.dataSource.query(
      "SELECT count(*)::int AS n FROM api_keys WHERE id = 'key_bootstrap_admin'",
    );
    expect(rows[0].n).toBe(1);
    // Rotate back, so that the suite's own admin key keeps working for whatever runs after.
    await w.startGateway({ adminKey: w.adminKey });
  });
});
