import { ledger, routing } from '@omnistock/contracts';
import { ledgerService } from '@omnistock/app-stock-ledger';
import { routingService } from '@omnistock/app-order-routing';
import { LONDON, RoutingWorld } from '../routing/support/routing-world.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Workflows finish whatever happens to the services on the way: an order accepted while
 * the ledger was down is placed once it is back, by whichever routing replica is alive.
 */
describe('sagas resume', () => {
  let w: RoutingWorld;

  beforeAll(async () => {
    w = await RoutingWorld.create('saga_resume');
    await w.stock(['RES-A'], { 'WH-LDN': { 'RES-A': 3 }, 'ST-SOHO': { 'RES-A': 1 } });
  });

  afterAll(() => w?.dispose());

  async function history(sagaId: string): Promise<string[]> {
    const dataSource = w.services.get('routing')!.runtime.dataSource;
    const rows: { step: string }[] = await dataSource.query(
      'SELECT step FROM routing.saga_steps WHERE saga_id = $1 ORDER BY generation, seq',
      [sagaId],
    );
    return rows.map((row) => row.step);
  }

  it('places an order taken while the ledger was down, after its routing replica was replaced', async () => {
    const order = {
      id: 'res-1',
      channel: 'web',
      method: 'ship' as const,
      destination: LONDON,
      lines: [{ sku: 'RES-A', qty: 2 }],
    };
    await w.world.stop(w.services.get('ledger')!);
    const first = await w.callOnce(routing.createOrder, order);
    expect(first).toMatchObject({ ok: false, error: { code: 'IN_PROGRESS' } });
    // The replica that took the order goes away; another takes over its saga.
    await w.world.stop(w.services.get('routing')!);
    w.services.set('routing', await w.world.start(routingService));
    w.services.set('ledger', await w.world.start(ledgerService));
    let placed = await w.callOnce(routing.getOrder, { id: 'res-1' });
    for (let i = 0; i < 150 && !placed.ok; i++) {
      await sleep(200);
      placed = await w.callOnce(routing.getOrder, { id: 'res-1' });
    }
    expect(placed).toMatchObject({ ok: true, value: { status: 'routed' } });
    // Asked again with the same id, the client gets the order it was promised.
    expect(await w.call(routing.createOrder, order)).toMatchObject({
      ok: true,
      value: { id: 'res-1', status: 'routed' },
    });
    const fulfilment = (placed as { value: routing.OrderViewType }).value.fulfilments[0]!;
    expect(await w.ok(ledger.getHold, { id: fulfilment.holdId })).toMatchObject({
      status: 'committed',
      orderId: 'res-1',
    });
    expect((await w.positions('RES-A'))['WH-LDN']).toEqual({ onHand: 3, reserved: 2 });
    expect(await w.drift()).toEqual([]);
  });

  it('holds the re-routed lines before it lets the rejected location`s hold go', async () => {
    const order = await w.placed('res-2', { 'RES-A': 1 });
    const first = order.fulfilments[0]!;
    await w.ok(routing.rejectFulfilment, { id: first.id, reason: 'not on the shelf' });
    expect(await history(`fulfilment:${first.id}:rejected`)).toEqual([
      'reject',
      'place.route',
      'place.claim',
      'place.reserve',
      'record',
      'commit',
      'lost',
      'release-old',
    ]);
    expect(await w.ok(ledger.getHold, { id: first.holdId })).toMatchObject({ status: 'released' });
    const after = await w.ok(routing.getOrder, { id: 'res-2' });
    expect(after.fulfilments.map((f) => f.status)).toEqual(['rejected', 'assigned']);
  });
});
