import { ledger, routing } from '@omnistock/contracts';
import { RoutingWorld } from './support/routing-world.js';

/** Orders routed over NATS against the real ledger: where they go, and why. */
describe('order routing', () => {
  let w: RoutingWorld;

  beforeAll(async () => {
    w = await RoutingWorld.create('routing_orders');
  });

  afterAll(() => w?.dispose());

  it('fills from one far location rather than splitting over nearer ones, and says why', async () => {
    await w.stock(['FILL-A', 'FILL-B'], {
      'ST-SOHO': { 'FILL-A': 5 },
      'ST-CITY': { 'FILL-B': 5 },
      'WH-EDI': { 'FILL-A': 5, 'FILL-B': 5 },
    });
    const order = await w.placed('fill-1', { 'FILL-A': 1, 'FILL-B': 2 });
    expect(order.status).toBe('routed');
    expect(order.fulfilments).toHaveLength(1);
    const [fulfilment] = order.fulfilments;
    expect(fulfilment).toMatchObject({ location: 'WH-EDI', status: 'assigned' });
    expect(fulfilment!.lines).toEqual([
      { sku: 'FILL-A', qty: 1 },
      { sku: 'FILL-B', qty: 2 },
    ]);
    const decision = order.route[0]!;
    expect(decision.strategy).toBe('default');
    const soho = decision.candidates.find((c) => c.location === 'ST-SOHO')!;
    expect(soho).toMatchObject({ removedBy: null, fillsAll: false, coverageUnits: 1 });
    // Locations with none of the SKUs are counted, not listed.
    expect(decision.candidates.find((c) => c.location === 'WH-BHM')).toBeUndefined();
    expect(decision.candidatesOmitted).toBeGreaterThanOrEqual(1);
    expect(decision.explanation).toMatch(/WH-EDI fills the whole order/);
    // The order owns its hold from the start, and commits it once the order is recorded.
    const hold = await w.ok(ledger.getHold, { id: fulfilment!.holdId });
    expect(hold).toMatchObject({ status: 'committed', orderId: order.id, expiresAt: null });
    expect((await w.positions('FILL-B'))['WH-EDI']).toEqual({ onHand: 5, reserved: 2 });
  });

  it('respects a location`s daily capacity', async () => {
    await w.stock(['CAP-A'], { 'ST-MAN': { 'CAP-A': 10 }, 'WH-EDI': { 'CAP-A': 10 } });
    const manchester = { lat: 53.48, lon: -2.24 };
    const first = await w.placed('cap-1', { 'CAP-A': 1 }, { destination: manchester });
    const second = await w.placed('cap-2', { 'CAP-A': 1 }, { destination: manchester });
    expect(first.fulfilments.map((f) => f.location)).toEqual(['ST-MAN']);
    expect(second.fulfilments.map((f) => f.location)).toEqual(['WH-EDI']);
    const why = second.route[0]!.candidates.find((c) => c.location === 'ST-MAN')!;
    expect(why.removedBy).toBe('capacity_full_today');
  });

  it('counts a location`s capacity on its own calendar day, not the server`s', async () => {
    // Kiritimati is UTC+14: for most of the day its date is not UTC's.
    await w.ok(ledger.upsertLocations, {
      locations: [
        {
          code: 'WH-KIR',
          name: 'Kiritimati warehouse',
          kind: 'warehouse',
          lat: 1.87,
          lon: -157.4,
          timezone: 'Pacific/Kiritimati',
          capabilities: ['ship'],
          dailyCapacity: 1,
        },
      ],
    });
    await w.stock(['KIR-A'], { 'WH-KIR': { 'KIR-A': 5 } });
    const kiritimati = { lat: 1.87, lon: -157.4 };
    await w.placed('kir-1', { 'KIR-A': 1 }, { destination: kiritimati });
    const second = await w.placed('kir-2', { 'KIR-A': 1 }, { destination: kiritimati });
    expect(second.route[0]!.candidates.find((c) => c.location === 'WH-KIR')!.removedBy).toBe(
      'capacity_full_today',
    );
    const dataSource = w.services.get('routing')!.runtime.dataSource;
    const [row] = await dataSource.query(
      `SELECT day = (now() AT TIME ZONE 'Pacific/Kiritimati')::date AS local_day FROM routing.location_load WHERE location = 'WH-KIR'`,
    );
    expect(row).toEqual({ local_day: true });
  });

  it('answers a replayed order id with the same order and refuses another body under it', async () => {
    await w.stock(['REPLAY-A'], { 'WH-LDN': { 'REPLAY-A': 10 } });
    const first = await w.placed('replay-1', { 'REPLAY-A': 2 });
    const again = await w.placed('replay-1', { 'REPLAY-A': 2 });
    expect(again).toEqual(first);
    const other = await w.order('replay-1', { 'REPLAY-A': 3 });
    expect(other).toMatchObject({ ok: false, error: { code: 'IDEMPOTENCY_CONFLICT' } });
    expect((await w.positions('REPLAY-A'))['WH-LDN']).toEqual({ onHand: 10, reserved: 2 });
  });

  it('answers concurrent creates of one order id with one order, holding its stock once', async () => {
    await w.stock(['SAME-ID-A'], { 'WH-LDN': { 'SAME-ID-A': 10 } });
    const replies = await Promise.all(
      Array.from({ length: 8 }, () => w.order('same-id-1', { 'SAME-ID-A': 3 })),
    );
    const [first] = replies;
    expect(first).toMatchObject({ ok: true, value: { status: 'routed' } });
    for (const reply of replies) expect(reply).toEqual(first);
    expect((await w.positions('SAME-ID-A'))['WH-LDN']).toEqual({ onHand: 10, reserved: 3 });
    expect(await w.drift()).toEqual([]);
  });

  it('runs a replayed fulfilment command once: the ledger moves once, the reply is the same', async () => {
    await w.stock(['FREPLAY-A'], { 'WH-LDN': { 'FREPLAY-A': 5 } });
    const order = await w.placed('freplay-1', { 'FREPLAY-A': 2 });
    const id = order.fulfilments[0]!.id;
    const accepted = await Promise.all(
      Array.from({ length: 4 }, () => w.ok(routing.acceptFulfilment, { id })),
    );
    for (const reply of accepted) expect(reply).toEqual(accepted[0]);
    expect(accepted[0]!.status).toBe('accepted');
    const shipped = await Promise.all(
      Array.from({ length: 4 }, () => w.ok(routing.shipFulfilment, { id, tracking: 'TRK-R' })),
    );
    for (const reply of shipped) expect(reply).toEqual(shipped[0]);
    expect(shipped[0]).toMatchObject({ status: 'shipped', tracking: 'TRK-R' });
    expect((await w.positions('FREPLAY-A'))['WH-LDN']).toEqual({ onHand: 3, reserved: 0 });
    expect((await w.ok(ledger.getHold, { id: order.fulfilments[0]!.holdId })).status).toBe(
      'fulfilled',
    );
    expect(await w.drift()).toEqual([]);
  });

  it('picks up at a store from its shelf: accept, ready, collect fulfils the hold', async () => {
    await w.stock(['PICK-A'], { 'ST-CITY': { 'PICK-A': 3 }, 'WH-LDN': { 'PICK-A': 50 } });
    const order = await w.placed(
      'pick-1',
      { 'PICK-A': 2 },
      {
        method: 'pickup',
        pickupLocation: 'ST-CITY',
        destination: undefined,
      },
    );
    const [fulfilment] = order.fulfilments;
    expect(fulfilment).toMatchObject({ location: 'ST-CITY', method: 'pickup' });
    const id = fulfilment!.id;
    await w.ok(routing.acceptFulfilment, { id });
    expect((await w.ok(ledger.getHold, { id: fulfilment!.holdId })).status).toBe('committed');
    const shipped = await w.call(routing.shipFulfilment, { id });
    expect(shipped).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
    await w.ok(routing.readyFulfilment, { id });
    const collected = await w.ok(routing.collectFulfilment, { id });
    expect(collected.status).toBe('collected');
    expect((await w.ok(routing.getOrder, { id: 'pick-1' })).status).toBe('fulfilled');
    expect((await w.positions('PICK-A'))['ST-CITY']).toEqual({ onHand: 1, reserved: 0 });
  });

  it('picks up at a store without enough shelf stock: a warehouse transfers the rest', async () => {
    await w.stock(['XFER-A'], { 'ST-CITY': { 'XFER-A': 1 }, 'WH-LDN': { 'XFER-A': 5 } });
    const order = await w.placed(
      'xfer-1',
      { 'XFER-A': 3 },
      {
        method: 'pickup',
        pickupLocation: 'ST-CITY',
        destination: undefined,
      },
    );
    const byLocation = Object.fromEntries(order.fulfilments.map((f) => [f.location, f]));
    expect(byLocation['ST-CITY']).toMatchObject({
      lines: [{ sku: 'XFER-A', qty: 1 }],
      shipTo: null,
    });
    expect(byLocation['WH-LDN']).toMatchObject({
      lines: [{ sku: 'XFER-A', qty: 2 }],
      shipTo: 'ST-CITY',
      method: 'ship',
    });
    expect(order.route[0]!.explanation).toMatch(/WH-LDN sends them to the store/);
    const leg = byLocation['WH-LDN']!.id;
    await w.ok(routing.acceptFulfilment, { id: leg });
    await w.ok(routing.shipFulfilment, { id: leg, tracking: 'VAN-7' });
    const inTransit = await w.positions('XFER-A');
    expect(inTransit['WH-LDN']).toEqual({ onHand: 3, reserved: 0 });
    await w.ok(routing.deliverFulfilment, { id: leg });
    const arrived = await w.ok(routing.getOrder, { id: 'xfer-1' });
    expect(arrived.status).toBe('in_fulfilment');
    const atStore = arrived.fulfilments.filter((f) => f.location === 'ST-CITY');
    expect(atStore).toHaveLength(2);
    for (const fulfilment of atStore) {
      await w.ok(routing.acceptFulfilment, { id: fulfilment.id });
      await w.ok(routing.readyFulfilment, { id: fulfilment.id });
      await w.ok(routing.collectFulfilment, { id: fulfilment.id });
    }
    expect((await w.ok(routing.getOrder, { id: 'xfer-1' })).status).toBe('fulfilled');
    const positions = await w.positions('XFER-A');
    expect(positions['ST-CITY']).toEqual({ onHand: 0, reserved: 0 });
    expect(positions['WH-LDN']).toEqual({ onHand: 3, reserved: 0 });
    expect(await w.drift()).toEqual([]);
  });

  it('re-routes a rejection to the next best location, which ships it', async () => {
    await w.stock(['REJ-A'], {
      'ST-SOHO': { 'REJ-A': 4 },
      'WH-LDN': { 'REJ-A': 4 },
      'WH-EDI': { 'REJ-A': 4 },
    });
    const order = await w.placed('rej-1', { 'REJ-A': 2 });
    const first = order.fulfilments[0]!;
    const rejected = await w.ok(routing.rejectFulfilment, {
      id: first.id,
      reason: 'not on the shelf',
      lines: [{ sku: 'REJ-A', qty: 2 }],
    });
    expect(rejected.status).toBe('rejected');
    const tasks = await w.ok(routing.listCycleCounts, { location: first.location });
    expect(tasks.tasks).toEqual([
      expect.objectContaining({
        sku: 'REJ-A',
        qtyNotFound: 2,
        fulfilmentId: first.id,
        reason: 'not on the shelf',
      }),
    ]);
    const after = await w.ok(routing.getOrder, { id: 'rej-1' });
    const next = after.fulfilments.find((f) => f.status === 'assigned')!;
    expect(next.location).not.toBe(first.location);
    expect(next.location).not.toBe('WH-EDI');
    expect(after.route).toHaveLength(2);
    expect(after.route[1]!.trigger).toBe(`rejected_at_${first.location}`);
    expect(after.route[1]!.candidates.find((c) => c.location === first.location)!.removedBy).toBe(
      'rejected_this_order',
    );
    await w.ok(routing.acceptFulfilment, { id: next.id });
    await w.ok(routing.shipFulfilment, { id: next.id, tracking: 'TRK-1' });
    await w.ok(routing.deliverFulfilment, { id: next.id });
    const done = await w.ok(routing.getOrder, { id: 'rej-1' });
    expect(done.status).toBe('fulfilled');
    const positions = await w.positions('REJ-A');
    expect(positions[first.location]).toEqual({ onHand: 4, reserved: 0 });
    expect(positions[next.location]).toEqual({ onHand: 2, reserved: 0 });
    // A replayed rejection changes nothing and does not route again.
    await w.ok(routing.rejectFulfilment, { id: first.id, reason: 'not on the shelf' });
    expect((await w.ok(routing.getOrder, { id: 'rej-1' })).fulfilments).toHaveLength(2);
  });

  it('backorders the lines of a rejection nobody else can take', async () => {
    await w.stock(['ONLY-A'], { 'WH-LDN': { 'ONLY-A': 1 } });
    const order = await w.placed('only-1', { 'ONLY-A': 1 });
    await w.ok(routing.rejectFulfilment, { id: order.fulfilments[0]!.id, reason: 'damaged' });
    const after = await w.ok(routing.getOrder, { id: 'only-1' });
    expect(after.status).toBe('backordered');
    expect(after.backordered).toEqual([{ sku: 'ONLY-A', qty: 1 }]);
    expect(after.route.at(-1)!.explanation).toMatch(/no location/);
    expect((await w.positions('ONLY-A'))['WH-LDN']).toEqual({ onHand: 1, reserved: 0 });
    // The "not found" signal: routing stops counting that unit until the store has counted.
    const next = await w.placed('only-2', { 'ONLY-A': 1 });
    expect(next.status).toBe('backordered');
    const [task] = (await w.ok(routing.listCycleCounts, { location: 'WH-LDN' })).tasks.filter(
      (t) => t.sku === 'ONLY-A',
    );
    await w.ok(routing.closeCycleCount, { id: task!.id });
    const afterCount = await w.placed('only-3', { 'ONLY-A': 1 });
    expect(afterCount.fulfilments.map((f) => f.location)).toEqual(['WH-LDN']);
  });

  it('cancels after a partial shipment: only what has not shipped is released', async () => {
    await w.stock(['PART-A', 'PART-B'], {
      'WH-LDN': { 'PART-A': 3 },
      'WH-BHM': { 'PART-B': 3 },
    });
    const order = await w.placed('part-1', { 'PART-A': 1, 'PART-B': 1 });
    expect(order.fulfilments.map((f) => f.location).sort()).toEqual(['WH-BHM', 'WH-LDN']);
    const london = order.fulfilments.find((f) => f.location === 'WH-LDN')!;
    await w.ok(routing.acceptFulfilment, { id: london.id });
    await w.ok(routing.shipFulfilment, { id: london.id });
    const cancelled = await w.ok(routing.cancelOrder, { id: 'part-1', reason: 'changed mind' });
    expect(cancelled.status).toBe('cancelled');
    expect(Object.fromEntries(cancelled.fulfilments.map((f) => [f.location, f.status]))).toEqual({
      'WH-LDN': 'shipped',
      'WH-BHM': 'cancelled',
    });
    expect((await w.positions('PART-A'))['WH-LDN']).toEqual({ onHand: 2, reserved: 0 });
    expect((await w.positions('PART-B'))['WH-BHM']).toEqual({ onHand: 3, reserved: 0 });
    expect(await w.ok(routing.cancelOrder, { id: 'part-1' })).toEqual(cancelled);
  });

  it('routes or backorders each of 200 concurrent orders for scarce stock, never overselling', async () => {
    await w.stock(['SCARCE'], {
      'WH-LDN': { SCARCE: 10 },
      'WH-BHM': { SCARCE: 10 },
      'ST-SOHO': { SCARCE: 10 },
    });
    const replies = await Promise.all(
      Array.from({ length: 200 }, (_, i) => w.order(`storm-${i}`, { SCARCE: 1 })),
    );
    const orders = replies.map((reply) => {
      if (!reply.ok) throw new Error(JSON.stringify(reply.error));
      return reply.value;
    });
    const routed = orders.filter((o) => o.status === 'routed');
    const backordered = orders.filter((o) => o.status === 'backordered');
    expect(routed.length + backordered.length).toBe(200);
    expect(routed).toHaveLength(30);
    const positions = await w.positions('SCARCE');
    for (const position of Object.values(positions)) {
      expect(position.reserved).toBeLessThanOrEqual(position.onHand);
      expect(position.reserved).toBe(10);
    }
    expect(await w.drift()).toEqual([]);
  }, 120_000);

  it('keeps the stored explanation on the order and a location`s queue listable', async () => {
    const queue = await w.ok(routing.listFulfilments, { location: 'WH-EDI', status: 'assigned' });
    expect(queue.fulfilments.every((f) => f.location === 'WH-EDI' && f.status === 'assigned')).toBe(
      true,
    );
    expect(queue.fulfilments.map((f) => f.orderId)).toContain('fill-1');
  });

  it('simulates a rule change over past orders without touching stock', async () => {
    const before = await w.positions('FILL-A');
    const same = await w.ok(routing.simulate, { orders: 500, rules: {} });
    expect(same.replayed).toBeGreaterThan(200);
    expect(same.changed).toBe(0);
    const cheapSplits = await w.ok(routing.simulate, {
      orders: 500,
      rules: { splitPenaltyKm: 0 },
    });
    const fill = cheapSplits.differences.find((d) => d.orderId === 'fill-1')!;
    expect(fill.before.allocations.map((a) => a.location)).toEqual(['WH-EDI']);
    expect(fill.after.allocations.map((a) => a.location).sort()).toEqual(['ST-CITY', 'ST-SOHO']);
    const single = await w.ok(routing.simulate, { orders: 500, rules: { maxShipments: 1 } });
    const split = single.differences.find((d) => d.orderId === 'part-1')!;
    expect(split.after.allocations).toHaveLength(1);
    expect(split.after.backordered).toHaveLength(1);
    expect(await w.positions('FILL-A')).toEqual(before);
    expect(await w.call(routing.simulate, { orders: 0, rules: {} })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
  });

  it('puts a rule change live for a channel after simulating it', async () => {
    const live = await w.ok(routing.setRoutingRules, {
      channel: 'web',
      rules: { maxShipments: 1 },
    });
    expect(live.rules).toMatchObject({ maxShipments: 1, transferToPickup: true });
    await w.stock(['LIVE-A', 'LIVE-B'], { 'WH-LDN': { 'LIVE-A': 1 }, 'WH-BHM': { 'LIVE-B': 1 } });
    const order = await w.placed('live-1', { 'LIVE-A': 1, 'LIVE-B': 1 });
    expect(order.fulfilments).toHaveLength(1);
    expect(order.status).toBe('partially_backordered');
    expect(order.route[0]!.rules).toMatchObject({ maxShipments: 1 });
    // The replay of the past under the rules now live sees this order as it was routed.
    expect((await w.ok(routing.simulate, { orders: 1, rules: {} })).changed).toBe(0);
    await w.ok(routing.setRoutingRules, { channel: 'web', rules: { maxShipments: 3 } });
  });
});
