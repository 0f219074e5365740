import { ledger } from '@omnistock/contracts';
import { RoutingWorld } from './support/routing-world.js';

/** An order from a cart hold takes the cart's units: moved or committed, never held twice. */
describe('orders from a cart hold', () => {
  let w: RoutingWorld;

  beforeAll(async () => {
    w = await RoutingWorld.create('routing_cart');
  });

  afterAll(() => w?.dispose());

  const cart = (id: string, lines: { sku: string; location: string; qty: number }[]) =>
    w.ok(ledger.reserve, { id, channel: 'web', lines, ttlSeconds: 600 });

  it('adopts a cart hold whose units are the only ones left, without holding them twice', async () => {
    await w.stock(['CART-A'], { 'ST-SOHO': { 'CART-A': 2 } });
    await cart('cart-1', [{ sku: 'CART-A', location: 'ST-SOHO', qty: 2 }]);
    const order = await w.placed('cart-order-1', { 'CART-A': 2 }, { reservationId: 'cart-1' });
    expect(order.fulfilments).toEqual([
      expect.objectContaining({ location: 'ST-SOHO', holdId: 'cart-1', status: 'assigned' }),
    ]);
    const hold = await w.ok(ledger.getHold, { id: 'cart-1' });
    expect(hold).toMatchObject({ status: 'committed', expiresAt: null });
    expect((await w.positions('CART-A'))['ST-SOHO']).toEqual({ onHand: 2, reserved: 2 });
    // A replay of the same order answers the same, and holds nothing more.
    expect(await w.placed('cart-order-1', { 'CART-A': 2 }, { reservationId: 'cart-1' })).toEqual(
      order,
    );
    expect((await w.positions('CART-A'))['ST-SOHO']).toEqual({ onHand: 2, reserved: 2 });
  });

  it('moves the cart hold to the location routing prefers', async () => {
    await w.stock(['CART-B'], { 'WH-EDI': { 'CART-B': 5 }, 'WH-LDN': { 'CART-B': 5 } });
    await cart('cart-2', [{ sku: 'CART-B', location: 'WH-EDI', qty: 2 }]);
    const order = await w.placed('cart-order-2', { 'CART-B': 2 }, { reservationId: 'cart-2' });
    expect(order.fulfilments.map((f) => [f.location, f.holdId])).toEqual([['WH-LDN', 'cart-2']]);
    const positions = await w.positions('CART-B');
    expect(positions['WH-EDI']).toEqual({ onHand: 5, reserved: 0 });
    expect(positions['WH-LDN']).toEqual({ onHand: 5, reserved: 2 });
  });

  it('releases the cart hold and holds anew when the order must split', async () => {
    await w.stock(['CART-C', 'CART-D'], {
      'WH-BHM': { 'CART-C': 1 },
      'WH-EDI': { 'CART-D': 1 },
    });
    await cart('cart-3', [
      { sku: 'CART-C', location: 'WH-BHM', qty: 1 },
      { sku: 'CART-D', location: 'WH-EDI', qty: 1 },
    ]);
    const order = await w.placed(
      'cart-order-3',
      { 'CART-C': 1, 'CART-D': 1 },
      { reservationId: 'cart-3' },
    );
    expect(order.fulfilments.map((f) => f.location).sort()).toEqual(['WH-BHM', 'WH-EDI']);
    expect((await w.ok(ledger.getHold, { id: 'cart-3' })).status).toBe('released');
    expect((await w.positions('CART-C'))['WH-BHM']).toEqual({ onHand: 1, reserved: 1 });
    expect((await w.positions('CART-D'))['WH-EDI']).toEqual({ onHand: 1, reserved: 1 });
    expect(await w.drift()).toEqual([]);
  });

  it('refuses a cart hold that does not match the order, and leaves it held', async () => {
    await w.stock(['CART-E'], { 'WH-LDN': { 'CART-E': 5 } });
    await cart('cart-4', [{ sku: 'CART-E', location: 'WH-LDN', qty: 1 }]);
    const reply = await w.order('cart-order-4', { 'CART-E': 2 }, { reservationId: 'cart-4' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect((await w.ok(ledger.getHold, { id: 'cart-4' })).status).toBe('held');
    const unknown = await w.order('cart-order-5', { 'CART-E': 1 }, { reservationId: 'no-cart' });
    expect(unknown.ok).toBe(false);
    expect((await w.positions('CART-E'))['WH-LDN']).toEqual({ onHand: 5, reserved: 1 });
  });
});
