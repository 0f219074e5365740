import { returnsService } from '@omnistock/app-returns';
import { GatewayWorld } from '../gateway/support/gateway-world.js';
import { FakeRouting } from './support/fake-routing.js';

const reason = 'changed_mind';

describe('returns over HTTP', () => {
  let w: GatewayWorld;
  let routing: FakeRouting;
  let desk: string;
  let storeOne: string;
  let storefront: string;

  beforeAll(async () => {
    w = await GatewayWorld.create('gw_returns', { others: false });
    w.services.set('returns', await w.world.start(returnsService));
    routing = new FakeRouting(w.world.connection, w.world.namespace);
    await w.seed(['SKU-A'], [{ location: 'WH-1', sku: 'SKU-A', qty: 5 }]);
    routing.addShippedOrder('o-http', [{ sku: 'SKU-A', qty: 2 }]);
    desk = await w.makeKey(['returns_desk']);
    storeOne = await w.makeKey(['store'], ['ST-1']);
    storefront = await w.makeKey(['storefront']);
  });

  afterAll(async () => {
    routing?.close();
    await w?.dispose();
  });

  it('authorises, receives at a store, inspects and shows where each unit went', async () => {
    const created = await w.http('POST', '/v1/returns', {
      key: desk,
      body: { id: 'r-http', orderId: 'o-http', lines: [{ sku: 'SKU-A', qty: 2, reason }] },
    });
    expect(created).toMatchObject({ status: 201, body: { id: 'r-http', status: 'authorised' } });
    const replay = await w.http('POST', '/v1/returns', {
      key: desk,
      body: { id: 'r-http', orderId: 'o-http', lines: [{ sku: 'SKU-A', qty: 2, reason }] },
    });
    expect(replay.body).toEqual(created.body);
    const received = await w.http('POST', '/v1/returns/r-http/receive', {
      key: storeOne,
      body: { location: 'ST-1', lines: [{ sku: 'SKU-A', qty: 2 }] },
    });
    expect(received).toMatchObject({ status: 200, body: { status: 'received', location: 'ST-1' } });
    const inspected = await w.http('POST', '/v1/returns/r-http/inspect', {
      key: storeOne,
      body: {
        lines: [
          { sku: 'SKU-A', qty: 1, grade: 'resellable' },
          { sku: 'SKU-A', qty: 1, grade: 'damaged' },
        ],
      },
    });
    expect(inspected).toMatchObject({ status: 200, body: { status: 'closed' } });
    const view = await w.http('GET', '/v1/returns/r-http', { key: desk });
    expect(view.body.dispositions).toEqual(
      expect.arrayContaining([
        { sku: 'SKU-A', qty: 1, grade: 'resellable', disposition: 'restock', location: 'ST-1' },
        { sku: 'SKU-A', qty: 1, grade: 'damaged', disposition: 'quarantine', location: 'ST-1' },
      ]),
    );
    const available = await w.http('GET', '/v1/availability?skus=SKU-A&channel=web&location=ST-1', {
      key: storefront,
    });
    expect(available.body.items[0].available).toBe(1);
  });

  it('disposes of a unit once when two desks grade it at the same moment: one 200, one typed 409', async () => {
    routing.addShippedOrder('o-http-race', [{ sku: 'SKU-A', qty: 1 }]);
    await w.http('POST', '/v1/returns', {
      key: desk,
      body: {
        id: 'r-http-race',
        orderId: 'o-http-race',
        lines: [{ sku: 'SKU-A', qty: 1, reason }],
      },
    });
    await w.http('POST', '/v1/returns/r-http-race/receive', {
      key: storeOne,
      body: { location: 'ST-1', lines: [{ sku: 'SKU-A', qty: 1 }] },
    });
    const replies = await Promise.all(
      (['resellable', 'damaged'] as const).map((grade) =>
        w.http('POST', '/v1/returns/r-http-race/inspect', {
          key: storeOne,
          body: { lines: [{ sku: 'SKU-A', qty: 1, grade }] },
        }),
      ),
    );
    expect(replies.map((reply) => reply.status).sort()).toEqual([200, 409]);
    const won = replies.find((reply) => reply.status === 200)!;
    const lost = replies.find((reply) => reply.status === 409)!;
    expect(lost.body.error.code).toBe('INVALID_TRANSITION');
    const movements = (await w.auditOf('SKU-A')).filter(
      (entry) => entry.reference === 'return:r-http-race',
    );
    expect(movements.map((entry) => entry.kind)).toEqual([
      won.body.dispositions[0].grade === 'resellable' ? 'return_restock' : 'quarantine_in',
    ]);
    const view = await w.http('GET', '/v1/returns/r-http-race', { key: desk });
    expect(view.body).toMatchObject({ status: 'closed', dispositions: won.body.dispositions });
  });

  it('keeps a store key to its own store and a storefront key out', async () => {
    routing.addShippedOrder('o-http-2', [{ sku: 'SKU-A', qty: 1 }]);
    await w.http('POST', '/v1/returns', {
      key: desk,
      body: { id: 'r-http-2', orderId: 'o-http-2', lines: [{ sku: 'SKU-A', qty: 1, reason }] },
    });
    const elsewhere = await w.http('POST', '/v1/returns/r-http-2/receive', {
      key: storeOne,
      body: { location: 'ST-2', lines: [{ sku: 'SKU-A', qty: 1 }] },
    });
    expect(elsewhere).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    const wrongScope = await w.http('GET', '/v1/returns/r-http-2', { key: storefront });
    expect(wrongScope.status).toBe(403);
    expect((await w.http('GET', '/v1/returns/r-http-2', { key: desk })).body.status).toBe(
      'authorised',
    );
  });

  it('maps the desk`s mistakes to typed 4xx errors', async () => {
    const tooMany = await w.http('POST', '/v1/returns', {
      key: desk,
      body: { id: 'r-http-3', orderId: 'o-http', lines: [{ sku: 'SKU-A', qty: 9, reason }] },
    });
    expect(tooMany).toMatchObject({ status: 409, body: { error: { code: 'RETURN_NOT_ALLOWED' } } });
    const unknownField = await w.http('POST', '/v1/returns', {
      key: desk,
      body: {
        id: 'r-http-4',
        orderId: 'o-http',
        lines: [{ sku: 'SKU-A', qty: 1, reason }],
        refund: 100,
      },
    });
    expect(unknownField).toMatchObject({
      status: 400,
      body: { error: { code: 'VALIDATION_FAILED' } },
    });
    expect((await w.http('GET', '/v1/returns/r-none', { key: desk })).status).toBe(404);
  });
});
