import { ledger, promise, routing } from '@omnistock/contracts';
import { namespacedSubject } from '@omnistock/messaging';
import { RoutingWorld } from './support/routing-world.js';

/** Typed errors for every client mistake, with nothing written and nothing left held. */
describe('order routing refuses bad input', () => {
  let w: RoutingWorld;

  beforeAll(async () => {
    w = await RoutingWorld.create('routing_bad');
    await w.stock(['BAD-A', 'BAD-B'], {
      'WH-LDN': { 'BAD-A': 5, 'BAD-B': 5 },
      'ST-SOHO': { 'BAD-A': 5 },
    });
  });

  afterAll(() => w?.dispose());

  async function expectNothingHeld() {
    for (const sku of ['BAD-A', 'BAD-B'])
      for (const position of Object.values(await w.positions(sku)))
        expect(position.reserved).toBe(0);
    expect(await w.drift()).toEqual([]);
  }

  async function expectNoOrder(id: string) {
    expect(await w.call(routing.getOrder, { id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  }

  it.each([
    ['an unknown SKU', 'UNKNOWN_SKU', { lines: { 'BAD-A': 1, NOPE: 1 } }],
    ['an unknown channel', 'UNKNOWN_CHANNEL', { lines: { 'BAD-A': 1 }, more: { channel: 'nope' } }],
    [
      'an unknown pickup location',
      'UNKNOWN_LOCATION',
      { lines: { 'BAD-A': 1 }, more: { method: 'pickup', pickupLocation: 'ST-NOPE' } },
    ],
    [
      'pickup where there is no pickup',
      'LOCATION_NOT_ALLOWED',
      { lines: { 'BAD-A': 1 }, more: { method: 'pickup', pickupLocation: 'WH-LDN' } },
    ],
    ['an empty order', 'VALIDATION_FAILED', { lines: {} }],
    ['a zero quantity', 'VALIDATION_FAILED', { lines: { 'BAD-A': 0 } }],
    [
      'shipping without a destination',
      'VALIDATION_FAILED',
      { lines: { 'BAD-A': 1 }, more: { destination: undefined } },
    ],
    [
      'pickup without a location',
      'VALIDATION_FAILED',
      { lines: { 'BAD-A': 1 }, more: { method: 'pickup' } },
    ],
  ] as const)('%s → %s, no order, nothing held', async (_name, code, input) => {
    const id = `bad-${code}-${Math.random().toString(36).slice(2, 8)}`;
    const reply = await w.order(id, input.lines, ('more' in input ? input.more : {}) as never);
    expect(reply).toMatchObject({ ok: false, error: { code } });
    await expectNoOrder(id);
    await expectNothingHeld();
  });

  it('refuses lifecycle steps not in the table with INVALID_TRANSITION', async () => {
    const order = await w.placed('bad-transition', { 'BAD-B': 1 });
    const id = order.fulfilments[0]!.id;
    for (const contract of [
      routing.shipFulfilment,
      routing.deliverFulfilment,
      routing.readyFulfilment,
      routing.collectFulfilment,
    ])
      expect(await w.call(contract, { id })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_TRANSITION' },
      });
    expect(
      await w.call(routing.rejectFulfilment, {
        id,
        reason: 'not here',
        lines: [{ sku: 'BAD-A', qty: 1 }],
      }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect((await w.ok(routing.getFulfilment, { id })).status).toBe('assigned');
    await w.ok(routing.cancelOrder, { id: 'bad-transition' });
    expect(await w.call(routing.acceptFulfilment, { id })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_TRANSITION' },
    });
    await expectNothingHeld();
  });

  it('answers NOT_FOUND for an unknown order or fulfilment', async () => {
    await expectNoOrder('never-placed');
    expect(await w.call(routing.acceptFulfilment, { id: 'no-such-fulfilment' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await w.call(routing.cancelOrder, { id: 'never-placed' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('keeps an order on a promise in progress while the promise service is down, holding nothing, and finishes it once it answers', async () => {
    const order = {
      id: 'promised-down',
      channel: 'web',
      method: 'ship' as const,
      destination: { lat: 51.5, lon: -0.12 },
      lines: [{ sku: 'BAD-A', qty: 1 }],
      promiseId: 'quote-1',
    };
    const reply = await w.callOnce(routing.createOrder, order);
    expect(reply).toMatchObject({ ok: false, error: { code: 'IN_PROGRESS' } });
    await expectNoOrder('promised-down');
    await expectNothingHeld();
    // The promise service comes back, and says the quote is gone: the saga ends with that.
    const subscription = w.world.connection.subscribe(
      namespacedSubject(w.world.namespace, promise.resolvePromise.subject),
      {
        callback: (_error, message) => {
          message.respond(
            JSON.stringify({ error: { code: 'PROMISE_EXPIRED', message: 'the quote expired' } }),
          );
        },
      },
    );
    await w.world.connection.flush();
    try {
      expect(await w.call(routing.createOrder, order)).toMatchObject({
        ok: false,
        error: { code: 'PROMISE_EXPIRED' },
      });
    } finally {
      subscription.unsubscribe();
    }
    await expectNoOrder('promised-down');
    await expectNothingHeld();
  });

  it('routes an order on a promise to the location the promise names', async () => {
    // A stand-in for the promise service: the quote says ship from Soho, not the warehouse.
    const subscription = w.world.connection.subscribe(
      namespacedSubject(w.world.namespace, promise.resolvePromise.subject),
      {
        callback: (_error, message) => {
          const request = message.json<{ promiseId: string; lines: unknown[] }>();
          message.respond(
            JSON.stringify({
              promiseId: request.promiseId,
              option: 'ship:express',
              allocations: [{ location: 'ST-SOHO', lines: request.lines }],
              window: { from: '2026-11-24T09:00:00Z', to: '2026-11-24T13:00:00Z' },
              expiresAt: '2026-11-23T23:00:00Z',
            }),
          );
        },
      },
    );
    await w.world.connection.flush();
    try {
      const order = await w.placed('promised-1', { 'BAD-A': 2 }, { promiseId: 'quote-2' });
      expect(order.promiseId).toBe('quote-2');
      expect(order.fulfilments.map((f) => [f.location, f.lines])).toEqual([
        ['ST-SOHO', [{ sku: 'BAD-A', qty: 2 }]],
      ]);
      expect(order.route[0]!.strategy).toBe('promise');
      expect((await w.positions('BAD-A'))['ST-SOHO']).toEqual({ onHand: 5, reserved: 2 });
      await w.ok(routing.cancelOrder, { id: 'promised-1' });
    } finally {
      subscription.unsubscribe();
    }
    await expectNothingHeld();
  });

  it('refuses an order whose promise can no longer be kept, holding nothing', async () => {
    const subscription = w.world.connection.subscribe(
      namespacedSubject(w.world.namespace, promise.resolvePromise.subject),
      {
        callback: (_error, message) => {
          message.respond(
            JSON.stringify({ error: { code: 'PROMISE_EXPIRED', message: 'the quote expired' } }),
          );
        },
      },
    );
    await w.world.connection.flush();
    try {
      const reply = await w.order('promised-late', { 'BAD-A': 1 }, { promiseId: 'quote-3' });
      expect(reply).toMatchObject({ ok: false, error: { code: 'PROMISE_EXPIRED' } });
    } finally {
      subscription.unsubscribe();
    }
    await expectNoOrder('promised-late');
    await expectNothingHeld();
  });

  it('retries an order that failed after holding some stock with fresh holds, never stale ones', async () => {
    let calls = 0;
    // First answer: a quote whose second location cannot cover it (the first hold is made
    // and must be given back); second answer: a quote that holds.
    const subscription = w.world.connection.subscribe(
      namespacedSubject(w.world.namespace, promise.resolvePromise.subject),
      {
        callback: (_error, message) => {
          calls++;
          message.respond(
            JSON.stringify({
              promiseId: 'quote-4',
              option: 'ship:standard',
              allocations: [
                { location: 'ST-SOHO', lines: [{ sku: 'BAD-A', qty: 1 }] },
                { location: 'WH-LDN', lines: [{ sku: 'BAD-B', qty: calls === 1 ? 9 : 1 }] },
              ],
              window: { from: '2026-11-24T09:00:00Z', to: '2026-11-25T18:00:00Z' },
              expiresAt: '2026-11-23T23:00:00Z',
            }),
          );
        },
      },
    );
    await w.world.connection.flush();
    try {
      const lines = { 'BAD-A': 1, 'BAD-B': 1 };
      const refused = await w.order('retried-1', lines, { promiseId: 'quote-4' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'PROMISE_UNAVAILABLE' } });
      await expectNothingHeld();
      const order = await w.placed('retried-1', lines, { promiseId: 'quote-4' });
      for (const fulfilment of order.fulfilments)
        expect((await w.ok(ledger.getHold, { id: fulfilment.holdId })).status).toBe('committed');
      expect((await w.positions('BAD-A'))['ST-SOHO']).toEqual({ onHand: 5, reserved: 1 });
      await w.ok(routing.cancelOrder, { id: 'retried-1' });
    } finally {
      subscription.unsubscribe();
    }
    await expectNothingHeld();
  });
});
