import { LIMITS, ledger } from '@omnistock/contracts';
import { GatewayWorld, type HttpReply } from './support/gateway-world.js';

const hold = (overrides: Record<string, unknown> = {}, line: Record<string, unknown> = {}) => ({
  id: 'bad-hold',
  channel: 'web',
  lines: [{ sku: 'SKU-A', location: 'WH-1', qty: 1, ...line }],
  ttlSeconds: 60,
  ...overrides,
});

/** Client mistakes get a typed 4xx, never a 500, and never write anything. */
describe('gateway validation', () => {
  let w: GatewayWorld;
  let auditBefore: number;
  let key: string;
  const replies: HttpReply[] = [];

  const send = async (
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) => {
    const reply = await w.http(method, path, { key, body, headers });
    replies.push(reply);
    return reply;
  };

  const expectRefused = (reply: HttpReply, status: number, code: string) => {
    expect({ status: reply.status, code: reply.body?.error?.code }).toEqual({ status, code });
    expect(reply.headers.get('x-request-id')).toBeTruthy();
  };

  beforeAll(async () => {
    w = await GatewayWorld.create('gw_validation', { others: false });
    await w.seed(['SKU-A'], [{ location: 'WH-1', sku: 'SKU-A', qty: 10 }]);
    auditBefore = (await w.auditOf('SKU-A')).length;
    key = await w.makeKey(['storefront', 'warehouse', 'admin']);
  });

  afterAll(async () => {
    // Nothing any of these requests sent reached the ledger as a write.
    if (w) {
      expect((await w.auditOf('SKU-A')).length).toBe(auditBefore);
      expect(await w.nats(ledger.getHold, { id: 'bad-hold' })).toMatchObject({
        ok: false,
        error: { code: 'HOLD_NOT_FOUND' },
      });
      for (const reply of replies) expect(reply.status).toBeLessThan(500);
    }
    await w?.dispose();
  });

  it('refuses malformed JSON', async () => {
    for (const text of ['{"id": "x",', '{id: 1}', 'nul', '{"a":1}{"b":2}', '\u0000']) {
      expectRefused(await send('POST', '/v1/reservations', text), 400, 'VALIDATION_FAILED');
    }
  });

  it('refuses bodies that are not JSON objects, or missing', async () => {
    for (const body of ['[]', 'null', '42', '"text"', '']) {
      expectRefused(await send('POST', '/v1/reservations', body), 400, 'VALIDATION_FAILED');
    }
    expectRefused(
      await send('POST', '/v1/reservations', 'id=1', {
        'content-type': 'application/x-www-form-urlencoded',
      }),
      400,
      'VALIDATION_FAILED',
    );
    expectRefused(
      await send('POST', '/v1/reservations', 'hello', { 'content-type': 'text/plain' }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('refuses unknown fields, naming where they are', async () => {
    const top = await send('POST', '/v1/reservations', hold({ discount: 10 }));
    expectRefused(top, 400, 'VALIDATION_FAILED');
    expect(top.body.error.details).toMatchObject({
      in: 'body',
      problems: expect.arrayContaining([expect.objectContaining({ path: '/discount' })]),
    });
    const nested = await send('POST', '/v1/reservations', hold({}, { price: 1 }));
    expect(nested.body.error.details.problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: '/lines/0/price' })]),
    );
    // Who acted is the key's to say, never the body's.
    expectRefused(
      await send('POST', '/v1/reservations', hold({ actor: 'someone-else' })),
      400,
      'VALIDATION_FAILED',
    );
    expectRefused(
      await send('POST', '/v1/reservations', '{"__proto__": {"admin": true}, "id": "bad-hold"}'),
      400,
      'VALIDATION_FAILED',
    );
    expectRefused(
      await send('POST', '/v1/skus', { skus: [{ sku: 'NEW-1' }], upsert: true }),
      400,
      'VALIDATION_FAILED',
    );
    expectRefused(
      await send('GET', '/v1/availability?skus=SKU-A&channel=web&debug=1'),
      400,
      'VALIDATION_FAILED',
    );
    expectRefused(
      await send('DELETE', '/v1/reservations/bad-hold', { force: true }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('refuses wrong types', async () => {
    for (const body of [
      hold({}, { qty: '2' }),
      hold({}, { qty: 1.5 }),
      hold({}, { qty: null }),
      hold({ lines: 'SKU-A' }),
      hold({ ttlSeconds: '60' }),
      hold({ id: 7 }),
      hold({ channel: ['web'] }),
    ]) {
      expectRefused(await send('POST', '/v1/reservations', body), 400, 'VALIDATION_FAILED');
    }
    expectRefused(await send('GET', '/v1/stock/SKU-A/ledger?limit=many'), 400, 'VALIDATION_FAILED');
    expectRefused(
      await send('GET', '/v1/availability?skus=SKU-A&channel=web&lat=north&lon=1'),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('refuses zero, negative and huge quantities and out-of-range numbers', async () => {
    for (const qty of [0, -1, LIMITS.qty_max + 1, 1e12, Number.MAX_SAFE_INTEGER]) {
      expectRefused(
        await send('POST', '/v1/reservations', hold({}, { qty })),
        400,
        'VALIDATION_FAILED',
      );
      expectRefused(
        await send('POST', '/v1/stock/receipts', {
          id: 'bad-rcpt',
          location: 'WH-1',
          lines: [{ sku: 'SKU-A', qty }],
        }),
        400,
        'VALIDATION_FAILED',
      );
    }
    expectRefused(
      await send(
        'POST',
        '/v1/reservations',
        '{"id":"bad-hold","channel":"web","lines":[{"sku":"SKU-A","location":"WH-1","qty":1e400}],"ttlSeconds":60}',
      ),
      400,
      'VALIDATION_FAILED',
    );
    expectRefused(
      await send('POST', '/v1/stock/adjustments', {
        id: 'bad-adj',
        location: 'WH-1',
        lines: [{ sku: 'SKU-A', delta: 0, reason: 'x' }],
      }),
      400,
      'VALIDATION_FAILED',
    );
    expectRefused(
      await send('POST', '/v1/stock/counts', {
        id: 'bad-count',
        location: 'WH-1',
        lines: [{ sku: 'SKU-A', counted: -3 }],
      }),
      400,
      'VALIDATION_FAILED',
    );
    expectRefused(
      await send('POST', '/v1/reservations', hold({ ttlSeconds: LIMITS.hold_ttl_s_max + 1 })),
      400,
      'VALIDATION_FAILED',
    );
    expectRefused(
      await send('POST', '/v1/reservations/bad-hold/extend', { ttlSeconds: 0 }),
      400,
      'VALIDATION_FAILED',
    );
    expectRefused(
      await send('GET', '/v1/availability?skus=SKU-A&channel=web&lat=91&lon=0'),
      400,
      'VALIDATION_FAILED',
    );
    expectRefused(
      await send('GET', '/v1/availability?skus=SKU-A&channel=web&lat=51'),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('refuses lists and strings past their limits, and bad ids in the path', async () => {
    const lines = Array.from({ length: LIMITS.lines_max + 1 }, () => ({
      sku: 'SKU-A',
      location: 'WH-1',
      qty: 1,
    }));
    expectRefused(
      await send('POST', '/v1/reservations', hold({ lines })),
      400,
      'VALIDATION_FAILED',
    );
    expectRefused(
      await send('POST', '/v1/reservations', hold({ lines: [] })),
      400,
      'VALIDATION_FAILED',
    );
    expectRefused(
      await send('POST', '/v1/reservations', hold({ id: 'x'.repeat(LIMITS.id_length_max + 1) })),
      400,
      'VALIDATION_FAILED',
    );
    const skus = Array.from({ length: LIMITS.availability_skus_max + 1 }, (_, i) => `S${i}`).join(
      ',',
    );
    expectRefused(
      await send('GET', `/v1/availability?skus=${skus}&channel=web`),
      400,
      'VALIDATION_FAILED',
    );
    expectRefused(
      await send('GET', '/v1/availability?skus=,,&channel=web'),
      400,
      'VALIDATION_FAILED',
    );
    expectRefused(await send('GET', '/v1/availability?skus=SKU-A'), 400, 'VALIDATION_FAILED');
    expectRefused(await send('DELETE', '/v1/reservations/bad%20id'), 400, 'VALIDATION_FAILED');
    expectRefused(
      await send('POST', `/v1/reservations/${'x'.repeat(200)}/extend`, { ttlSeconds: 5 }),
      400,
      'VALIDATION_FAILED',
    );
    expectRefused(
      await send('GET', '/v1/stock/SKU-A/ledger?kinds=receipt,stolen'),
      400,
      'VALIDATION_FAILED',
    );
    expectRefused(await send('DELETE', '/v1/reservations/%zz'), 400, 'VALIDATION_FAILED');
  });

  it('refuses a body over the limit with 413 before reading it', async () => {
    const big = { ...hold(), reference: 'x'.repeat(LIMITS.payload_bytes_max) };
    expectRefused(await send('POST', '/v1/reservations', big), 413, 'PAYLOAD_TOO_LARGE');
    const lines = Array.from({ length: 12_000 }, (_, i) => ({ sku: `SKU-${i}`, qty: 1 }));
    expectRefused(
      await send('POST', '/v1/stock/receipts', { id: 'bad-rcpt', location: 'WH-1', lines }),
      413,
      'PAYLOAD_TOO_LARGE',
    );
  });

  it('answers 404 NOT_FOUND for unknown routes and methods', async () => {
    for (const [method, path] of [
      ['GET', '/v2/availability'],
      ['GET', '/v1/reservations'],
      ['PUT', '/v1/reservations/bad-hold'],
      ['GET', '/'],
      ['POST', '/v1/stock/transfers/x/send'],
    ] as const) {
      expectRefused(await send(method, path), 404, 'NOT_FOUND');
    }
  });
});
