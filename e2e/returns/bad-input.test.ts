import { returns } from '@omnistock/contracts';
import { ReturnsWorld } from './support/returns-world.js';

const reason = 'changed_mind' as const;

describe('returns refuse what is not theirs to take', () => {
  let w: ReturnsWorld;

  beforeAll(async () => {
    w = await ReturnsWorld.create('returns_bad');
    w.routing.addShippedOrder('o-1', [{ sku: 'SKU-R', qty: 2 }]);
    w.routing.addShippedOrder('o-other', [{ sku: 'SKU-S', qty: 1 }]);
    w.routing.addShippedOrder('o-old', [{ sku: 'SKU-R', qty: 1 }], 45);
    await w.ok(returns.createReturn, {
      id: 'r-open',
      orderId: 'o-1',
      lines: [{ sku: 'SKU-R', qty: 1, reason }],
    });
  });

  afterAll(() => w.dispose());

  async function snapshot() {
    const [row] = await w.returns.runtime.dataSource.query(
      `SELECT (SELECT count(*) FROM returns.returns) AS returns,
              (SELECT json_agg(r ORDER BY id) FROM returns.returns r) AS rows,
              (SELECT count(*) FROM ledger.ledger_entries) AS entries`,
    );
    return row;
  }

  const cases: [string, () => Promise<{ ok: boolean }>, string][] = [
    [
      'more units than were fulfilled',
      () =>
        w.call(returns.createReturn, {
          id: 'r-x1',
          orderId: 'o-1',
          lines: [{ sku: 'SKU-R', qty: 3, reason }],
        }),
      'RETURN_NOT_ALLOWED',
    ],
    [
      'a line of another order',
      () =>
        w.call(returns.createReturn, {
          id: 'r-x2',
          orderId: 'o-1',
          lines: [{ sku: 'SKU-S', qty: 1, reason }],
        }),
      'RETURN_NOT_ALLOWED',
    ],
    [
      'a return after the window',
      () =>
        w.call(returns.createReturn, {
          id: 'r-x3',
          orderId: 'o-old',
          lines: [{ sku: 'SKU-R', qty: 1, reason }],
        }),
      'RETURN_NOT_ALLOWED',
    ],
    [
      'a second return of units already in a return',
      () =>
        w.call(returns.createReturn, {
          id: 'r-x4',
          orderId: 'o-1',
          lines: [{ sku: 'SKU-R', qty: 2, reason }],
        }),
      'RETURN_NOT_ALLOWED',
    ],
    [
      'an unknown order',
      () =>
        w.call(returns.createReturn, {
          id: 'r-x5',
          orderId: 'o-none',
          lines: [{ sku: 'SKU-R', qty: 1, reason }],
        }),
      'NOT_FOUND',
    ],
    [
      'a return id reused with another body',
      () =>
        w.call(returns.createReturn, {
          id: 'r-open',
          orderId: 'o-1',
          lines: [{ sku: 'SKU-R', qty: 1, reason: 'late' }],
        }),
      'IDEMPOTENCY_CONFLICT',
    ],
    [
      'inspecting before receiving',
      () =>
        w.call(returns.inspectReturn, {
          id: 'r-open',
          lines: [{ sku: 'SKU-R', qty: 1, grade: 'resellable' }],
        }),
      'INVALID_TRANSITION',
    ],
    [
      'receiving where returns are not accepted',
      () =>
        w.call(returns.receiveReturn, {
          id: 'r-open',
          location: 'WH-2',
          lines: [{ sku: 'SKU-R', qty: 1 }],
        }),
      'RETURN_NOT_ALLOWED',
    ],
    [
      'receiving at an unknown location',
      () =>
        w.call(returns.receiveReturn, {
          id: 'r-open',
          location: 'NOWHERE',
          lines: [{ sku: 'SKU-R', qty: 1 }],
        }),
      'UNKNOWN_LOCATION',
    ],
    [
      'receiving more than authorised',
      () =>
        w.call(returns.receiveReturn, {
          id: 'r-open',
          location: 'ST-1',
          lines: [{ sku: 'SKU-R', qty: 2 }],
        }),
      'RETURN_NOT_ALLOWED',
    ],
    [
      'receiving a SKU not authorised',
      () =>
        w.call(returns.receiveReturn, {
          id: 'r-open',
          location: 'ST-1',
          lines: [{ sku: 'SKU-S', qty: 1 }],
        }),
      'RETURN_NOT_ALLOWED',
    ],
    ['an unknown return', () => w.call(returns.getReturn, { id: 'r-none' }), 'NOT_FOUND'],
    [
      'a reason that is not a reason code',
      () =>
        w.world.client.requestRaw(
          returns.createReturn.subject,
          JSON.stringify({
            id: 'r-x6',
            orderId: 'o-1',
            lines: [{ sku: 'SKU-R', qty: 1, reason: 'meh' }],
          }),
        ),
      'VALIDATION_FAILED',
    ],
    [
      'a negative quantity',
      () =>
        w.world.client.requestRaw(
          returns.createReturn.subject,
          JSON.stringify({
            id: 'r-x7',
            orderId: 'o-1',
            lines: [{ sku: 'SKU-R', qty: -1, reason }],
          }),
        ),
      'VALIDATION_FAILED',
    ],
    [
      'a grade that is not a grade',
      () =>
        w.world.client.requestRaw(
          returns.inspectReturn.subject,
          JSON.stringify({ id: 'r-open', lines: [{ sku: 'SKU-R', qty: 1, grade: 'meh' }] }),
        ),
      'VALIDATION_FAILED',
    ],
  ];

  it.each(cases)('%s', async (_label, send, code) => {
    const before = await snapshot();
    expect(await send()).toMatchObject({ ok: false, error: { code } });
    expect(await snapshot()).toEqual(before);
  });

  it('cancels an authorised return, and refuses to cancel twice into another state', async () => {
    w.routing.addShippedOrder('o-cancel', [{ sku: 'SKU-R', qty: 1 }]);
    await w.ok(returns.createReturn, {
      id: 'r-cancel',
      orderId: 'o-cancel',
      lines: [{ sku: 'SKU-R', qty: 1, reason }],
    });
    expect(await w.ok(returns.cancelReturn, { id: 'r-cancel' })).toMatchObject({
      status: 'cancelled',
    });
    expect(await w.ok(returns.cancelReturn, { id: 'r-cancel' })).toMatchObject({
      status: 'cancelled',
    });
    expect(
      await w.call(returns.receiveReturn, {
        id: 'r-cancel',
        location: 'ST-1',
        lines: [{ sku: 'SKU-R', qty: 1 }],
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_TRANSITION' },
    });
    // Cancelled units are free to return again.
    expect(
      await w.ok(returns.createReturn, {
        id: 'r-cancel-2',
        orderId: 'o-cancel',
        lines: [{ sku: 'SKU-R', qty: 1, reason }],
      }),
    ).toMatchObject({
      status: 'authorised',
    });
  });
});
