import { ledger, routing } from '@omnistock/contracts';
import { CART_CHANNELS, channelLocations, HOT_SKUS, SKUS, STORES, LOCATIONS } from '../estate.js';
import { Actor } from './actor.js';

interface Cart {
  id: string;
  channel: string;
  expires_ms: number;
  lines: { sku: string; location: string; qty: number }[];
}

const LIVE_CARTS_MAX = 3;
/**
 * Carts live seconds, not days: the run ends when every cart has expired or been released,
 * so the longest TTL is also how long the checker waits for the system to come to rest.
 */
export const CART_TTL_S = { min: 3, max: 40 };

/**
 * A shopper's storefront: puts carts on hold (hot SKUs most), lets some run out, releases
 * or extends others, and looks at availability. A web or app storefront goes through the
 * gateway; an in-network channel (a marketplace connector) speaks NATS to the ledger.
 */
export class Storefront extends Actor {
  private readonly carts = new Map<string, Cart>();
  /** Orders placed (or maybe placed: an unknown answer), with their channel, to cancel some. */
  private readonly orders: { id: string; channel: string }[] = [];
  private made = 0;
  private ordered = 0;

  protected async step(): Promise<void> {
    this.forgetExpired();
    const live = [...this.carts.values()];
    const action =
      live.length === 0
        ? this.random.weighted({ reserve: 6, order: 2, cancel: this.orders.length > 0 ? 1 : 0 })
        : this.random.weighted({
            reserve: live.length < LIVE_CARTS_MAX ? 4 : 0,
            release: 2,
            extend: 2,
            abandon: 1,
            browse: 1,
            checkout: 5,
            cancel: this.orders.length > 0 ? 1 : 0,
          });
    const cart = live.length > 0 ? this.random.pick(live) : undefined;
    switch (action) {
      case 'reserve':
        return this.reserve();
      case 'release':
        return this.release(cart!);
      case 'extend':
        return this.extend(cart!);
      case 'abandon':
        // Walks away: the hold must run out by itself.
        this.carts.delete(cart!.id);
        return;
      case 'browse':
        return this.browse();
      case 'checkout':
        return this.order(cart);
      case 'order':
        return this.order(undefined);
      case 'cancel':
        return this.cancel();
    }
  }

  /** The shop closes: some carts are released, the rest left to run out. */
  override async close(): Promise<void> {
    for (const cart of [...this.carts.values()])
      if (this.random.chance(0.5)) await this.release(cart);
    this.carts.clear();
  }

  private forgetExpired(): void {
    for (const cart of this.carts.values())
      if (cart.expires_ms <= Date.now()) this.carts.delete(cart.id);
  }

  private async reserve(): Promise<void> {
    const channel = this.random.pick(CART_CHANNELS);
    const locations = channelLocations(channel);
    const lineCount = this.random.int(1, 3);
    const lines = new Map<string, { sku: string; location: string; qty: number }>();
    for (let i = 0; i < lineCount; i++) {
      const sku = this.random.chance(0.5) ? this.random.pick(HOT_SKUS) : this.random.pick(SKUS);
      const location = this.random.pick(locations);
      lines.set(`${sku}@${location}`, { sku, location, qty: this.random.int(1, 3) });
    }
    const ttlSeconds = this.random.int(CART_TTL_S.min, CART_TTL_S.max);
    const id = `cart-${this.name}-${++this.made}`;
    const body = { id, channel, lines: [...lines.values()], ttlSeconds };
    const answer =
      this.transport === 'http'
        ? await this.http('reserve', id, 'POST', '/v1/reservations', body)
        : await this.nats('reserve', id, ledger.reserve, { ...body, actor: this.name });
    if (answer.outcome === 'ok')
      this.carts.set(id, {
        id,
        channel,
        expires_ms: Date.parse(answer.value.expiresAt),
        lines: answer.value.lines,
      });
  }

  /**
   * An order from a cart (its lines, by SKU, and its hold as `reservationId`) or straight
   * from the catalogue; shipped to the shopper or picked up at a store.
   */
  private async order(cart: Cart | undefined): Promise<void> {
    if (cart) this.carts.delete(cart.id);
    const channel = cart?.channel ?? this.random.pick(CART_CHANNELS);
    const bySku = new Map<string, number>();
    for (const line of cart?.lines ??
      this.random.sample(SKUS, this.random.int(1, 2)).map((sku) => ({
        sku,
        qty: this.random.int(1, 2),
      })))
      bySku.set(line.sku, (bySku.get(line.sku) ?? 0) + line.qty);
    const pickup = channel !== 'marketplace' && this.random.chance(0.35);
    const home = this.random.pick(LOCATIONS);
    const id = `ord-${this.name}-${++this.ordered}`;
    const body = {
      id,
      channel,
      lines: [...bySku].map(([sku, qty]) => ({ sku, qty })),
      method: pickup ? ('pickup' as const) : ('ship' as const),
      ...(pickup
        ? { pickupLocation: this.random.pick(STORES) }
        : { destination: { lat: home.lat + 0.05, lon: home.lon - 0.05 } }),
      ...(cart ? { reservationId: cart.id } : {}),
    };
    const answer =
      this.transport === 'http'
        ? await this.http('order', id, 'POST', '/v1/orders', body)
        : await this.nats('order', id, routing.createOrder, { ...body, actor: this.name });
    if (answer.outcome !== 'refused') this.orders.push({ id, channel });
  }

  private async cancel(): Promise<void> {
    const index = this.random.int(0, this.orders.length - 1);
    const [order] = this.orders.splice(index, 1);
    const { id, channel } = order!;
    if (this.transport === 'http') {
      await this.http('cancel', id, 'POST', `/v1/orders/${id}/cancel`, { reason: 'changed mind' });
      return;
    }
    await this.nats('cancel', id, routing.cancelOrder, {
      id,
      reason: 'changed mind',
      channels: [channel],
      actor: this.name,
    });
  }

  private async release(cart: Cart): Promise<void> {
    this.carts.delete(cart.id);
    if (this.transport === 'http') {
      await this.http('release', cart.id, 'DELETE', `/v1/reservations/${cart.id}`);
      return;
    }
    await this.nats('release', cart.id, ledger.release, {
      id: cart.id,
      principal: { kind: 'cart', channels: [cart.channel] },
      actor: this.name,
    });
  }

  private async extend(cart: Cart): Promise<void> {
    const ttlSeconds = this.random.int(CART_TTL_S.min, CART_TTL_S.max);
    const answer =
      this.transport === 'http'
        ? await this.http('extend', cart.id, 'POST', `/v1/reservations/${cart.id}/extend`, {
            ttlSeconds,
          })
        : await this.nats('extend', cart.id, ledger.extend, {
            id: cart.id,
            ttlSeconds,
            principal: { kind: 'cart', channels: [cart.channel] },
            actor: this.name,
          });
    if (answer.outcome === 'ok') cart.expires_ms = Date.parse(answer.value.expiresAt);
    else this.carts.delete(cart.id);
  }

  /** Availability is a promise too: it never goes below zero, whatever else is happening. */
  private async browse(): Promise<void> {
    const channel = this.random.pick(CART_CHANNELS);
    const skus = this.random.sample(SKUS, this.random.int(1, 4));
    const answer = await this.read(`/v1/availability?skus=${skus.join(',')}&channel=${channel}`);
    if (answer.kind !== 'ok') return;
    for (const item of answer.value.items as { sku: string; available: number }[]) {
      if (item.available < 0)
        this.env.journal.anomaly({
          actor: this.name,
          kind: 'availability',
          id: item.sku,
          transport: 'http',
          status: 200,
          code: 'NEGATIVE_AVAILABILITY',
          message: `${item.sku} available ${item.available} in ${channel}`,
          at_ms: Date.now(),
        });
    }
  }
}
