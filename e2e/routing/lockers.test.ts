import { routing } from '@omnistock/contracts';
import { RoutingWorld } from './support/routing-world.js';

/** Lockers are capacity-limited locations: compartments by size, and only what fits. */
describe('pickup at a locker', () => {
  let w: RoutingWorld;
  const pickup = { method: 'pickup', pickupLocation: 'LK-KX', destination: undefined } as const;

  beforeAll(async () => {
    w = await RoutingWorld.create('routing_lockers');
    await w.stock(['LOCK-S', 'LOCK-L', 'LOCK-U'], {
      'WH-LDN': { 'LOCK-S': 5, 'LOCK-L': 5, 'LOCK-U': 5 },
    });
    await w.ok(routing.configureLocker, {
      location: 'LK-KX',
      compartments: [
        { size: 'S', count: 1 },
        { size: 'L', count: 0 },
      ],
    });
    await w.ok(routing.setSkuSizes, {
      skus: [
        { sku: 'LOCK-S', size: 'S' },
        { sku: 'LOCK-L', size: 'L' },
      ],
    });
  });

  afterAll(() => w?.dispose());

  const compartments = async () =>
    (
      await w.ok(routing.configureLocker, {
        location: 'LK-KX',
        compartments: [{ size: 'S', count: 1 }],
      })
    ).compartments.find((c) => c.size === 'S')!;

  it('answers whether lines fit over NATS, from the same rule an order meets, claiming nothing', async () => {
    const fit = (sku: string, location = 'LK-KX') =>
      w.ok(routing.lockerFit, { location, lines: [{ sku, qty: 2 }] });
    expect(await fit('LOCK-S')).toEqual({
      location: 'LK-KX',
      fits: true,
      parcelSize: 'S',
      compartmentSize: 'S',
    });
    expect(await fit('LOCK-L')).toEqual({
      location: 'LK-KX',
      fits: false,
      parcelSize: 'L',
      reason: 'no_free_compartment',
    });
    expect(await fit('LOCK-U')).toMatchObject({ fits: false, reason: 'unsized_sku' });
    expect(await fit('LOCK-S', 'WH-LDN')).toMatchObject({ fits: false, reason: 'not_a_locker' });
    expect(await compartments()).toMatchObject({ count: 1, inUse: 0 });
  });

  it('refuses what does not fit, or has no size, holding nothing', async () => {
    for (const [id, sku] of [
      ['lk-big', 'LOCK-L'],
      ['lk-unsized', 'LOCK-U'],
    ] as const) {
      const reply = await w.order(id, { [sku]: 1 }, pickup);
      expect(reply).toMatchObject({ ok: false, error: { code: 'LOCATION_NOT_ALLOWED' } });
    }
    expect((await w.positions('LOCK-L'))['WH-LDN']).toEqual({ onHand: 5, reserved: 0 });
  });

  it('takes a small parcel by transfer, is full until it is cancelled or collected', async () => {
    const first = await w.placed('lk-1', { 'LOCK-S': 1 }, pickup);
    expect(first.fulfilments).toEqual([
      expect.objectContaining({ location: 'WH-LDN', shipTo: 'LK-KX' }),
    ]);
    expect(await compartments()).toMatchObject({ count: 1, inUse: 1 });
    const full = await w.order('lk-2', { 'LOCK-S': 1 }, pickup);
    expect(full).toMatchObject({ ok: false, error: { code: 'LOCATION_NOT_ALLOWED' } });
    await w.ok(routing.cancelOrder, { id: 'lk-1' });
    expect(await compartments()).toMatchObject({ inUse: 0 });

    const third = await w.placed('lk-3', { 'LOCK-S': 1 }, pickup);
    const leg = third.fulfilments[0]!.id;
    await w.ok(routing.acceptFulfilment, { id: leg });
    await w.ok(routing.shipFulfilment, { id: leg });
    await w.ok(routing.deliverFulfilment, { id: leg });
    const atLocker = (await w.ok(routing.getOrder, { id: 'lk-3' })).fulfilments.find(
      (f) => f.location === 'LK-KX',
    )!;
    await w.ok(routing.acceptFulfilment, { id: atLocker.id });
    await w.ok(routing.readyFulfilment, { id: atLocker.id });
    expect(await compartments()).toMatchObject({ inUse: 1 });
    await w.ok(routing.collectFulfilment, { id: atLocker.id });
    expect((await w.ok(routing.getOrder, { id: 'lk-3' })).status).toBe('fulfilled');
    expect(await compartments()).toMatchObject({ inUse: 0 });
    expect((await w.positions('LOCK-S'))['LK-KX']).toEqual({ onHand: 0, reserved: 0 });
    expect(await w.drift()).toEqual([]);
  });
});
