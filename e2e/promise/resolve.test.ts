import { ledger, promise } from '@omnistock/contracts';
import { CALENDARS, LONDON, PromiseWorld } from './support/promise-world.js';

const STOCK = [
  { location: 'WH-1', sku: 'SKU-R', qty: 3 },
  { location: 'WH-1', sku: 'SKU-A', qty: 10 },
];
const HOUR_MS = 3_600_000;

describe('resolving a promise before an order is placed on it', () => {
  let world: PromiseWorld;

  beforeAll(async () => {
    world = await PromiseWorld.create('promise_resolve', STOCK);
  }, 60_000);

  afterAll(async () => {
    await world?.dispose();
  });

  /** A quote at the real clock (resolution checks expiry against it), for two SKU-R. */
  const quoteNow = async (now?: string) => {
    const reply = await world.must(promise.quote, {
      channel: 'web',
      destination: LONDON,
      lines: [{ sku: 'SKU-R', qty: 2 }],
      ...(now ? { now } : {}),
    });
    const royal = reply.options.find((option) => option.option === 'ship:ROYAL:standard');
    if (!royal) throw new Error(`no ROYAL option: ${JSON.stringify(reply)}`);
    return royal;
  };
  const resolve = (promiseId: string, change: Record<string, unknown> = {}) =>
    world.requestRaw(promise.resolvePromise, {
      promiseId,
      channel: 'web',
      method: 'ship',
      lines: [{ sku: 'SKU-R', qty: 2 }],
      ...change,
    });

  it('names the location that keeps the window while the stock is there', async () => {
    const option = await quoteNow();
    expect(await resolve(option.promiseId)).toEqual({
      ok: true,
      value: {
        promiseId: option.promiseId,
        option: 'ship:ROYAL:standard',
        allocations: [{ location: 'WH-1', lines: [{ sku: 'SKU-R', qty: 2 }] }],
        window: { from: option.window.from, to: option.window.to },
        expiresAt: option.expiresAt,
      },
    });
  });

  it.each([
    ['another channel', { channel: 'marketplace' }, 'channel_differs'],
    ['pickup on a ship promise', { method: 'pickup' }, 'method_differs'],
    ['more than was quoted', { lines: [{ sku: 'SKU-R', qty: 3 }] }, 'lines_differ'],
    ['a SKU that was not quoted', { lines: [{ sku: 'SKU-A', qty: 1 }] }, 'lines_differ'],
  ])('refuses %s with PROMISE_UNAVAILABLE and the reason', async (_name, change, reason) => {
    const option = await quoteNow();
    expect(await resolve(option.promiseId, change)).toMatchObject({
      ok: false,
      error: { code: 'PROMISE_UNAVAILABLE', details: { reason } },
    });
  });

  it('refuses an expired promise with PROMISE_EXPIRED', async () => {
    const option = await quoteNow(new Date(Date.now() - HOUR_MS).toISOString());
    expect(Date.parse(option.expiresAt)).toBeLessThan(Date.now());
    expect(await resolve(option.promiseId)).toMatchObject({
      ok: false,
      error: { code: 'PROMISE_EXPIRED', details: { expiresAt: option.expiresAt } },
    });
  });

  it.each([
    ['an unknown promise id', { promiseId: 'pr_unknown' }, 'NOT_FOUND'],
    ['no lines', { lines: [] }, 'VALIDATION_FAILED'],
    ['a malformed promise id', { promiseId: '../etc' }, 'VALIDATION_FAILED'],
  ])('refuses %s with a typed error', async (_name, change, code) => {
    const option = await quoteNow();
    expect(await resolve(option.promiseId, change)).toMatchObject({ ok: false, error: { code } });
  });

  it('refuses a quote whose stock is gone before ordering, saying which and how much', async () => {
    const option = await quoteNow();
    await world.must(ledger.reserve, {
      id: 'someone-else',
      channel: 'web',
      lines: [{ sku: 'SKU-R', location: 'WH-1', qty: 2 }],
      ttlSeconds: 600,
    });
    expect(await resolve(option.promiseId)).toMatchObject({
      ok: false,
      error: {
        code: 'PROMISE_UNAVAILABLE',
        details: { reason: 'stock_gone', location: 'WH-1', sku: 'SKU-R', needed: 2, available: 1 },
      },
    });
    await world.must(ledger.release, { id: 'someone-else', principal: { kind: 'cart' } });
  });

  it('refuses a promise whose calendar changed since the quote', async () => {
    const option = await quoteNow();
    const changed = { ...CALENDARS[0]!, processingMinutes: 90 };
    const { calendars } = await world.must(promise.configureCalendars, { calendars: [changed] });
    expect(calendars).toEqual([{ location: 'WH-1', version: 2 }]);
    expect(await resolve(option.promiseId)).toMatchObject({
      ok: false,
      error: { code: 'PROMISE_UNAVAILABLE', details: { reason: 'configuration_changed' } },
    });
  });
});
