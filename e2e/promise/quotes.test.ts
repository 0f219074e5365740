import { promise } from '@omnistock/contracts';
import { LONDON, MANCHESTER, PromiseWorld, SYDNEY } from './support/promise-world.js';

const STOCK = [
  { location: 'WH-1', sku: 'SKU-A', qty: 10 },
  { location: 'WH-1', sku: 'SKU-B', qty: 5 },
  { location: 'ST-1', sku: 'SKU-A', qty: 2 },
  { location: 'NY-1', sku: 'SKU-NY', qty: 4 },
];
/** Monday 23 March 2026, 12:46 in London (GMT). */
const MONDAY = '2026-03-23T12:46:00Z';

describe('delivery promise quotes (ledger + promise service over NATS, fixed clock)', () => {
  let world: PromiseWorld;

  beforeAll(async () => {
    world = await PromiseWorld.create('promise_quotes', STOCK);
  }, 60_000);

  afterAll(async () => {
    await world?.dispose();
  });

  const quote = (request: Partial<Parameters<typeof promise.quote.request.validate>[0]> & object) =>
    world.must(promise.quote, {
      channel: 'web',
      destination: LONDON,
      lines: [{ sku: 'SKU-A', qty: 1 }],
      now: MONDAY,
      ...request,
    });

  it('offers every option it can keep, earliest first, then cheapest, with cut-offs', async () => {
    const reply = await quote({});
    expect(reply.timezone).toBe('Europe/London');
    expect(reply.reason).toBeNull();
    expect(reply.options.map((option) => option.option)).toEqual([
      'ship:DPD:same_day',
      'ship:ROYAL:standard',
      'ship:DPD:standard',
    ]);
    const [sameDay, royal] = reply.options;
    expect(sameDay).toMatchObject({
      locations: ['WH-1'],
      window: { from: '2026-03-23T18:00:00.000Z', to: '2026-03-23T22:00:00.000Z' },
      summary: 'arrives today, 18:00–22:00',
    });
    expect(royal).toMatchObject({
      method: 'ship',
      carrier: 'ROYAL',
      serviceLevel: 'standard',
      locations: ['WH-1'],
      window: {
        from: '2026-03-24T09:00:00.000Z',
        to: '2026-03-24T18:00:00.000Z',
        localDate: '2026-03-24',
        localFrom: '09:00',
        localTo: '18:00',
        timezone: 'Europe/London',
      },
      cutoff: {
        at: '2026-03-23T15:00:00.000Z',
        remainingSeconds: 8040,
        text: 'order within 2 h 14 min',
      },
      summary: 'arrives tomorrow, 09:00–18:00',
      price: { amountMinor: 399, currency: 'GBP' },
      confidence: null,
      // Fifteen minutes, since the cut-off is later.
      expiresAt: '2026-03-23T13:01:00.000Z',
    });
  });

  it('keeps each option as a promise with the inputs it was computed from', async () => {
    const reply = await quote({});
    const stored = await world.must(promise.getPromise, { promiseId: reply.options[1]!.promiseId });
    expect(stored).toMatchObject({
      option: 'ship:ROYAL:standard',
      channel: 'web',
      lines: [{ sku: 'SKU-A', qty: 1 }],
      quotedAt: '2026-03-23T12:46:00.000Z',
      inputs: {
        stockSeen: { 'WH-1': { 'SKU-A': 10 } },
        calendarVersion: 1,
        carrierVersion: 1,
        customerTimezone: 'Europe/London',
      },
      outcome: null,
    });
  });

  it('offers click & collect at a nearby store from shelf stock, ready today', async () => {
    const reply = await quote({ destination: MANCHESTER });
    expect(reply.options[0]).toMatchObject({
      option: 'pickup:ST-1',
      method: 'pickup',
      locations: ['ST-1'],
      summary: 'ready today from 15:00',
      window: { from: '2026-03-23T15:00:00.000Z', to: '2026-03-23T17:30:00.000Z' },
      cutoff: { at: '2026-03-23T15:30:00.000Z' },
    });
    expect(reply.options[1]).toMatchObject({ option: 'ship:DPD:same_day', locations: ['ST-1'] });
    // More than the store's shelf holds: shipping from the warehouse, and pickup at the store
    // later, once WH-1 has sent the units there (leaves by its 15:00 cut-off, counted as
    // arriving Tuesday when the carrier's hours end at 18:00, after the store closes: ready
    // Wednesday two hours after opening).
    const more = await quote({ destination: MANCHESTER, lines: [{ sku: 'SKU-A', qty: 3 }] });
    expect(more.options.map((option) => option.option)).toEqual([
      'ship:ROYAL:standard',
      'ship:DPD:standard',
      'pickup:ST-1',
    ]);
    expect(more.options.every((option) => option.locations.at(-1) === 'WH-1')).toBe(true);
    expect(more.options[2]).toMatchObject({
      via: 'transfer',
      transferFrom: 'WH-1',
      locations: ['ST-1', 'WH-1'],
      summary: 'ready Wed 25 Mar from 11:00',
      window: { from: '2026-03-25T11:00:00.000Z', to: '2026-03-25T17:30:00.000Z' },
      cutoff: { at: '2026-03-23T15:00:00.000Z' },
    });
  });

  it.each([
    ['one second before the cut-off', '2026-03-23T14:59:59Z', '2026-03-24', 'order within <1 min'],
    [
      'one second after the cut-off',
      '2026-03-23T15:00:01Z',
      '2026-03-25',
      'order within 23 h 59 min',
    ],
  ])('%s', async (_name, now, deliveryDate, cutoffText) => {
    const reply = await quote({ now });
    const royal = reply.options.find((option) => option.option === 'ship:ROYAL:standard')!;
    expect(royal.window.localDate).toBe(deliveryDate);
    expect(royal.cutoff.text).toBe(cutoffText);
  });

  it.each([
    // After the spring change the 15:00 cut-off is 14:00Z and the window 09:00 BST is 08:00Z.
    ['DST spring', '2026-03-30T13:59:59Z', '2026-03-30T14:00:00.000Z', '2026-03-31T08:00:00.000Z'],
    // Friday 15:00 BST has passed: Saturday's short day (13:00 BST = 12:00Z), Sunday rests, Monday in GMT.
    ['DST autumn', '2026-10-23T14:00:00Z', '2026-10-24T12:00:00.000Z', '2026-10-26T09:00:00.000Z'],
    // Good Friday is a holiday at WH-1: Saturday's short day, then Monday (the carrier rests Sunday).
    [
      'holiday on the cut-off day',
      '2026-04-03T10:00:00Z',
      '2026-04-04T12:00:00.000Z',
      '2026-04-06T08:00:00.000Z',
    ],
  ])('%s', async (_name, now, cutoffAt, windowFrom) => {
    // Three units: only the warehouse has them, so its calendar is the one that speaks.
    const reply = await quote({ now, lines: [{ sku: 'SKU-A', qty: 3 }] });
    const royal = reply.options.find((option) => option.option === 'ship:ROYAL:standard')!;
    expect(royal.cutoff.at).toBe(cutoffAt);
    expect(royal.window.from).toBe(windowFrom);
  });

  it('puts the window in the customer’s zone when it differs from the location’s', async () => {
    const paris = await quote({ destination: { ...LONDON, timezone: 'Europe/Paris' } });
    const royal = paris.options.find((option) => option.option === 'ship:ROYAL:standard')!;
    expect(royal.window).toMatchObject({
      from: '2026-03-24T08:00:00.000Z',
      localFrom: '09:00',
      timezone: 'Europe/Paris',
    });
    // A New York location (cut-off 15:00 EDT = 19:00Z) for a Boston customer (its zone, the nearest location's).
    const boston = await quote({
      destination: { lat: 42.36, lon: -71.06 },
      lines: [{ sku: 'SKU-NY', qty: 1 }],
      now: '2026-06-01T18:59:59Z',
    });
    expect(boston.timezone).toBe('America/New_York');
    expect(boston.options[0]).toMatchObject({
      locations: ['NY-1'],
      cutoff: { at: '2026-06-01T19:00:00.000Z' },
      window: {
        from: '2026-06-02T13:00:00.000Z',
        localFrom: '09:00',
        timezone: 'America/New_York',
      },
    });
  });

  it('answers a destination nobody ships to with no options and a reason, not an error', async () => {
    const before = await world.promiseCount();
    const sydney = await quote({ destination: SYDNEY });
    expect(sydney.options).toEqual([]);
    expect(sydney.reason).toMatch(/no carrier ships/);
    const nowhere = await quote({ lines: [{ sku: 'SKU-NONE', qty: 1 }] });
    expect(nowhere).toMatchObject({ options: [], reason: expect.stringMatching(/in stock/) });
    expect(await world.promiseCount()).toBe(before);
  });

  it.each([
    ['no lines', { lines: [] }, 'VALIDATION_FAILED'],
    ['an unknown SKU', { lines: [{ sku: 'SKU-ZZZ', qty: 1 }] }, 'UNKNOWN_SKU'],
    ['a latitude out of range', { destination: { lat: 91, lon: 0 } }, 'VALIDATION_FAILED'],
    ['a longitude out of range', { destination: { lat: 51, lon: -180.5 } }, 'VALIDATION_FAILED'],
    ['a zero quantity', { lines: [{ sku: 'SKU-A', qty: 0 }] }, 'VALIDATION_FAILED'],
    ['an impossible now', { now: '2026-02-31T10:00:00Z' }, 'VALIDATION_FAILED'],
    ['an unknown channel', { channel: 'nope' }, 'UNKNOWN_CHANNEL'],
    [
      'an unknown time zone',
      { destination: { ...LONDON, timezone: 'Mars/Olympus' } },
      'VALIDATION_FAILED',
    ],
  ])('refuses %s with a typed error and stores nothing', async (_name, change, code) => {
    const before = await world.promiseCount();
    const reply = await world.requestRaw(promise.quote, {
      channel: 'web',
      destination: LONDON,
      lines: [{ sku: 'SKU-A', qty: 1 }],
      now: MONDAY,
      ...change,
    });
    expect(reply).toMatchObject({ ok: false, error: { code } });
    expect(await world.promiseCount()).toBe(before);
  });

  it('answers NOT_FOUND for an unknown promise id', async () => {
    const reply = await world.request(promise.getPromise, { promiseId: 'pr_nope' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
