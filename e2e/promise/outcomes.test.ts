import { promise } from '@omnistock/contracts';
import { LONDON, MANCHESTER, PromiseWorld } from './support/promise-world.js';

const STOCK = [
  { location: 'WH-1', sku: 'SKU-A', qty: 10 },
  { location: 'ST-1', sku: 'SKU-A', qty: 2 },
];
const MONDAY = '2026-03-23T12:46:00Z';
const WAIT_MS = 10_000;

describe('whether promises were kept, from fulfilment events', () => {
  let world: PromiseWorld;

  beforeAll(async () => {
    world = await PromiseWorld.create('promise_outcomes', STOCK);
  }, 60_000);

  afterAll(async () => {
    await world?.dispose();
  });

  const quoteOption = async (option: string, destination = LONDON) => {
    const reply = await world.must(promise.quote, {
      channel: 'web',
      destination,
      lines: [{ sku: 'SKU-A', qty: 1 }],
      now: MONDAY,
    });
    return reply.options.find((candidate) => candidate.option === option)!;
  };

  const keptRate = (groupBy: 'carrier' | 'service_level' | 'location' | 'cutoff') =>
    world.must(promise.keptRate, { groupBy });

  async function until(measured: number): Promise<void> {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const { groups } = await keptRate('carrier');
      if (groups.reduce((sum, group) => sum + group.total, 0) >= measured) return;
      if (Date.now() > deadline) throw new Error(`only ${JSON.stringify(groups)} measured`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it('measures early, on-time and late deliveries and ready-for-pickup against the window', async () => {
    // ROYAL standard: tomorrow 09:00–18:00 London (GMT, so Z).
    const early = await quoteOption('ship:ROYAL:standard');
    const onTime = await quoteOption('ship:ROYAL:standard');
    const late = await quoteOption('ship:ROYAL:standard');
    const pickup = await quoteOption('pickup:ST-1', MANCHESTER);
    expect(early.window).toMatchObject({
      from: '2026-03-24T09:00:00.000Z',
      to: '2026-03-24T18:00:00.000Z',
    });
    expect(pickup.window.from).toBe('2026-03-23T15:00:00.000Z');

    const ship = { location: 'WH-1', method: 'ship' as const };
    await world.publishFulfilment('delivered', {
      ...ship,
      promiseId: early.promiseId,
      at: '2026-03-24T08:59:59Z',
    });
    await world.publishFulfilment('delivered', {
      ...ship,
      promiseId: onTime.promiseId,
      at: '2026-03-24T18:00:00Z',
      fulfilmentId: 'ff-on-time',
    });
    // The same fulfilment again under another message id (a routing retry) counts once.
    await world.publishFulfilment('delivered', {
      ...ship,
      promiseId: onTime.promiseId,
      at: '2026-03-25T10:00:00Z',
      fulfilmentId: 'ff-on-time',
      messageId: 'retry-of-ff-on-time',
    });
    await world.publishFulfilment('delivered', {
      ...ship,
      promiseId: late.promiseId,
      at: '2026-03-24T18:00:01Z',
    });
    // Orders without a promise, and promises nobody quoted, are not measured.
    await world.publishFulfilment('delivered', {
      ...ship,
      promiseId: null,
      at: '2026-03-24T12:00:00Z',
    });
    await world.publishFulfilment('delivered', {
      ...ship,
      promiseId: 'pr_unknown',
      at: '2026-03-24T12:00:00Z',
    });
    await world.publishFulfilment('ready', {
      location: 'ST-1',
      method: 'pickup',
      promiseId: pickup.promiseId,
      at: '2026-03-23T14:50:00Z',
    });
    await until(4);

    expect((await keptRate('carrier')).groups).toEqual([
      { key: 'ROYAL', total: 3, early: 1, onTime: 1, late: 1, kept: 2, keptRate: 0.667 },
      { key: 'click_and_collect', total: 1, early: 1, onTime: 0, late: 0, kept: 1, keptRate: 1 },
    ]);
    expect((await keptRate('location')).groups.map((group) => [group.key, group.total])).toEqual([
      ['ST-1', 1],
      ['WH-1', 3],
    ]);
    expect(
      (await keptRate('cutoff')).groups.map((group) => [group.key, group.kept, group.total]),
    ).toEqual([
      ['15:00', 2, 3],
      ['15:30', 1, 1],
    ]);
    expect((await keptRate('service_level')).groups.map((group) => group.key)).toEqual([
      'pickup',
      'standard',
    ]);
    expect(await world.must(promise.getPromise, { promiseId: late.promiseId })).toMatchObject({
      outcome: { outcome: 'late', event: 'delivered', at: '2026-03-24T18:00:01.000Z' },
    });
    expect(await world.must(promise.getPromise, { promiseId: onTime.promiseId })).toMatchObject({
      outcome: { outcome: 'on_time', at: '2026-03-24T18:00:00.000Z' },
    });
  });

  it('feeds the kept share back as confidence on the next quote', async () => {
    const next = await quoteOption('ship:ROYAL:standard');
    expect(next).toMatchObject({ confidence: 0.67, confidenceBasedOn: 3 });
    const unmeasured = await quoteOption('ship:DPD:standard');
    expect(unmeasured).toMatchObject({ confidence: null, confidenceBasedOn: 0 });
  });

  it('exposes kept-rate as Prometheus metrics', async () => {
    const text = await world.promises.runtime.metrics.registry.metrics();
    expect(text).toMatch(/omnistock_promise_kept_ratio\{group="carrier",key="ROYAL"[^}]*\} 0\.667/);
    expect(text).toMatch(
      /omnistock_promise_outcomes\{group="location",key="WH-1",outcome="late"[^}]*\} 1/,
    );
  });

  it('refuses an unknown grouping with a typed error', async () => {
    expect(await world.requestRaw(promise.keptRate, { groupBy: 'weather' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
  });
});
