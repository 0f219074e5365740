import { ledger, promise, routing, type Static } from '@omnistock/contracts';
import { routingService } from '@omnistock/app-order-routing';
import { CALENDARS, MANCHESTER, PromiseWorld } from './support/promise-world.js';

/** SKU-A is on ST-1's shelf; SKU-T, SKU-L (small) and SKU-BIG (large) only in WH-1. */
const STOCK = [
  { location: 'WH-1', sku: 'SKU-A', qty: 10 },
  { location: 'ST-1', sku: 'SKU-A', qty: 2 },
  { location: 'WH-1', sku: 'SKU-T', qty: 10 },
  { location: 'WH-1', sku: 'SKU-L', qty: 10 },
  { location: 'WH-1', sku: 'SKU-BIG', qty: 10 },
];

/** A locker in central Manchester, open round the clock. */
const LOCKER = {
  code: 'LK-1',
  name: 'Piccadilly locker',
  kind: 'locker' as const,
  lat: 53.477,
  lon: -2.231,
  timezone: 'Europe/London',
  capabilities: ['pickup' as const],
};
const LOCKER_CALENDAR: Static<typeof promise.LocationCalendar> = {
  location: 'LK-1',
  openingHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
    weekday,
    open: '00:00',
    close: '23:59',
  })),
  cutoff: '23:00',
  processingMinutes: 0,
  pickupLeadMinutes: 30,
};

type Option = Static<typeof promise.QuoteOption>;

async function withLocker(world: PromiseWorld): Promise<void> {
  await world.must(ledger.upsertLocations, { locations: [LOCKER] });
  await world.must(promise.configureCalendars, { calendars: [LOCKER_CALENDAR] });
}

const quoteManchester = (world: PromiseWorld, sku: string) =>
  world.must(promise.quote, {
    channel: 'web',
    destination: MANCHESTER,
    lines: [{ sku, qty: 1 }],
  });

const optionOf = (options: Option[], name: string) =>
  options.find((option) => option.option === name);

describe('pickup through a transfer, and lockers (ledger + promise + routing)', () => {
  let world: PromiseWorld;

  beforeAll(async () => {
    world = await PromiseWorld.create('promise_transfers', STOCK);
    await world.world.start(routingService);
    await withLocker(world);
    await world.must(routing.configureLocker, {
      location: 'LK-1',
      compartments: [
        { size: 'S', count: 1 },
        { size: 'M', count: 1 },
      ],
    });
    await world.must(routing.setSkuSizes, {
      skus: [
        { sku: 'SKU-L', size: 'S' },
        { sku: 'SKU-BIG', size: 'L' },
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await world?.dispose();
  });

  it('offers a store without the stock a later pickup, through the warehouse', async () => {
    const shelf = optionOf((await quoteManchester(world, 'SKU-A')).options, 'pickup:ST-1')!;
    const quoted = await quoteManchester(world, 'SKU-T');
    const transfer = optionOf(quoted.options, 'pickup:ST-1')!;
    expect(shelf).toMatchObject({ via: 'shelf', locations: ['ST-1'] });
    expect(shelf.transferFrom).toBeUndefined();
    expect(transfer).toMatchObject({
      method: 'pickup',
      via: 'transfer',
      transferFrom: 'WH-1',
      locations: ['ST-1', 'WH-1'],
      window: { timezone: 'Europe/London' },
    });
    expect(Date.parse(transfer.window.from)).toBeGreaterThan(Date.parse(shelf.window.from));
    // The leg is a standard parcel from WH-1, counted as arriving when its window ends.
    const standard = optionOf(quoted.options, 'ship:ROYAL:standard')!;
    expect(Date.parse(transfer.window.from)).toBeGreaterThan(Date.parse(standard.window.to));
    // The order within the warehouse's cut-off, not the store's.
    expect(transfer.cutoff.at).toBe(standard.cutoff.at);
    const stored = await world.must(promise.getPromise, { promiseId: transfer.promiseId });
    expect(stored.inputs).toMatchObject({
      stockSeen: { 'WH-1': { 'SKU-T': 10 } },
      transfer: { from: 'WH-1', serviceLevel: 'standard' },
      calendarVersions: { 'ST-1': 1, 'WH-1': 1 },
    });
  });

  it('routes an order on the transfer promise via the warehouse, and measures it at the store', async () => {
    const transfer = optionOf((await quoteManchester(world, 'SKU-T')).options, 'pickup:ST-1')!;
    const order = await world.must(routing.createOrder, {
      id: 'order-transfer',
      channel: 'web',
      lines: [{ sku: 'SKU-T', qty: 1 }],
      method: 'pickup',
      pickupLocation: 'ST-1',
      promiseId: transfer.promiseId,
    });
    expect(order.fulfilments).toEqual([
      expect.objectContaining({ location: 'WH-1', shipTo: 'ST-1', status: 'assigned' }),
    ]);
    const [leg] = order.fulfilments;
    for (const command of [
      routing.acceptFulfilment,
      routing.shipFulfilment,
      routing.deliverFulfilment,
    ])
      await world.must(command, { id: leg!.id });
    const atStore = (await world.must(routing.getOrder, { id: 'order-transfer' })).fulfilments.find(
      (f) => f.location === 'ST-1',
    )!;
    for (const command of [routing.acceptFulfilment, routing.readyFulfilment])
      await world.must(command, { id: atStore.id });
    // Ready now, days before the promised window: kept (early), measured at the store.
    const deadline = Date.now() + 10_000;
    let stored = await world.must(promise.getPromise, { promiseId: transfer.promiseId });
    while (stored.outcome === null && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      stored = await world.must(promise.getPromise, { promiseId: transfer.promiseId });
    }
    expect(stored.outcome).toMatchObject({ outcome: 'early', event: 'ready' });
  });

  it('refuses a transfer promise for collection somewhere else', async () => {
    const transfer = optionOf((await quoteManchester(world, 'SKU-T')).options, 'pickup:ST-1')!;
    const reply = await world.request(promise.resolvePromise, {
      promiseId: transfer.promiseId,
      channel: 'web',
      method: 'pickup',
      pickupLocation: 'WH-1',
      lines: [{ sku: 'SKU-T', qty: 1 }],
    });
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'PROMISE_UNAVAILABLE', details: { reason: 'pickup_location_differs' } },
    });
  });

  it('offers a locker only when the parcel fits a free compartment', async () => {
    const small = await quoteManchester(world, 'SKU-L');
    expect(optionOf(small.options, 'locker:LK-1')).toMatchObject({
      method: 'pickup',
      via: 'transfer',
      transferFrom: 'WH-1',
      locations: ['LK-1', 'WH-1'],
      summary: expect.stringMatching(/^in the locker /),
    });
    expect(small.reason).toBeNull();
    // Too large for any compartment; no size at all: no locker, the other options stay.
    for (const sku of ['SKU-BIG', 'SKU-T']) {
      const quoted = await quoteManchester(world, sku);
      expect(optionOf(quoted.options, 'locker:LK-1')).toBeUndefined();
      expect(optionOf(quoted.options, 'ship:ROYAL:standard')).toBeDefined();
    }
  });

  it('routes an order on the locker promise via the warehouse; a full locker is offered no more', async () => {
    const quoted = await quoteManchester(world, 'SKU-L');
    const locker = optionOf(quoted.options, 'locker:LK-1')!;
    const stored = await world.must(promise.getPromise, { promiseId: locker.promiseId });
    expect(stored.inputs).toMatchObject({ compartmentSize: 'S' });
    const order = await world.must(routing.createOrder, {
      id: 'order-locker',
      channel: 'web',
      lines: [{ sku: 'SKU-L', qty: 1 }],
      method: 'pickup',
      pickupLocation: 'LK-1',
      promiseId: locker.promiseId,
    });
    expect(order.fulfilments).toEqual([
      expect.objectContaining({ location: 'WH-1', shipTo: 'LK-1' }),
    ]);
    // The S compartment is taken; an S parcel still fits the free M one.
    expect(optionOf((await quoteManchester(world, 'SKU-L')).options, 'locker:LK-1')).toBeDefined();
    await world.must(routing.createOrder, {
      id: 'order-locker-2',
      channel: 'web',
      lines: [{ sku: 'SKU-L', qty: 1 }],
      method: 'pickup',
      pickupLocation: 'LK-1',
    });
    expect(
      optionOf((await quoteManchester(world, 'SKU-L')).options, 'locker:LK-1'),
    ).toBeUndefined();
  });

  // Last: it changes WH-1's calendar for the rest of this world.
  it('refuses a transfer promise once the source warehouse’s calendar has changed', async () => {
    const transfer = optionOf((await quoteManchester(world, 'SKU-T')).options, 'pickup:ST-1')!;
    const warehouse = CALENDARS.find((calendar) => calendar.location === 'WH-1')!;
    await world.must(promise.configureCalendars, {
      calendars: [{ ...warehouse, processingMinutes: warehouse.processingMinutes + 30 }],
    });
    const reply = await world.request(promise.resolvePromise, {
      promiseId: transfer.promiseId,
      channel: 'web',
      method: 'pickup',
      pickupLocation: 'ST-1',
      lines: [{ sku: 'SKU-T', qty: 1 }],
    });
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'PROMISE_UNAVAILABLE', details: { reason: 'configuration_changed' } },
    });
  });
});

describe('lockers while routing is down (ledger + promise only)', () => {
  let world: PromiseWorld;

  beforeAll(async () => {
    world = await PromiseWorld.create('promise_lockers_down', STOCK);
    await withLocker(world);
  }, 60_000);

  afterAll(async () => {
    await world?.dispose();
  });

  it('leaves locker options out with the reason, and quotes the rest', async () => {
    const quoted = await quoteManchester(world, 'SKU-L');
    expect(optionOf(quoted.options, 'locker:LK-1')).toBeUndefined();
    expect(optionOf(quoted.options, 'pickup:ST-1')).toMatchObject({ via: 'transfer' });
    expect(quoted.reason).toMatch(/locker options left out/);
  });
});
