import {
  ledger,
  routing,
  type RequestContract,
  type Static,
  type TSchema,
} from '@omnistock/contracts';
import { routingService } from '@omnistock/app-order-routing';
import { ledgerService } from '@omnistock/app-stock-ledger';
import type { RunningService } from '@omnistock/service-kit';
import { TestWorld } from '@omnistock/testing';

/** Destinations and locations on a real map, so great-circle distances mean something. */
export const LONDON = { lat: 51.5072, lon: -0.1276 };

export const LOCATIONS: Static<typeof ledger.Location>[] = [
  {
    code: 'WH-EDI',
    name: 'Edinburgh warehouse',
    kind: 'warehouse',
    lat: 55.95,
    lon: -3.19,
    timezone: 'Europe/London',
    capabilities: ['ship', 'returns'],
  },
  {
    code: 'WH-LDN',
    name: 'London warehouse',
    kind: 'warehouse',
    lat: 51.5,
    lon: -0.1,
    timezone: 'Europe/London',
    capabilities: ['ship', 'returns'],
  },
  {
    code: 'WH-BHM',
    name: 'Birmingham warehouse',
    kind: 'warehouse',
    lat: 52.48,
    lon: -1.9,
    timezone: 'Europe/London',
    capabilities: ['ship'],
  },
  {
    code: 'ST-SOHO',
    name: 'Soho store',
    kind: 'store',
    lat: 51.513,
    lon: -0.136,
    timezone: 'Europe/London',
    capabilities: ['pickup', 'ship_from_store', 'returns'],
  },
  {
    code: 'ST-CITY',
    name: 'City store',
    kind: 'store',
    lat: 51.515,
    lon: -0.09,
    timezone: 'Europe/London',
    capabilities: ['pickup', 'ship_from_store'],
  },
  {
    code: 'ST-MAN',
    name: 'Manchester store',
    kind: 'store',
    lat: 53.48,
    lon: -2.24,
    timezone: 'Europe/London',
    capabilities: ['pickup', 'ship_from_store'],
    dailyCapacity: 1,
  },
  {
    code: 'LK-KX',
    name: 'Kings Cross locker',
    kind: 'locker',
    lat: 51.53,
    lon: -0.124,
    timezone: 'Europe/London',
    capabilities: ['pickup'],
  },
];

/** How often a test asks again for a command in progress before it takes the answer as it is. */
const IN_PROGRESS_ASKS_MAX = 60;

/** Ledger and routing in-process on a throwaway database and namespace, with a typed client. */
export class RoutingWorld {
  readonly services = new Map<string, RunningService>();
  private receipts = 0;

  private constructor(readonly world: TestWorld) {}

  static async create(label: string): Promise<RoutingWorld> {
    const world = await TestWorld.create(label);
    const routingWorld = new RoutingWorld(world);
    try {
      routingWorld.services.set('ledger', await world.start(ledgerService));
      routingWorld.services.set('routing', await world.start(routingService));
      await routingWorld.ok(ledger.upsertLocations, { locations: LOCATIONS });
      await routingWorld.ok(ledger.upsertChannels, { channels: [{ code: 'web' }] });
    } catch (error) {
      await routingWorld.dispose();
      throw error;
    }
    return routingWorld;
  }

  /**
   * As a well-behaved client: a command still in progress (its saga is waiting out a busy
   * moment) is asked again with the same id until it has its answer.
   */
  async call<Req extends TSchema, Rep extends TSchema>(
    contract: RequestContract<Req, Rep>,
    payload: Static<Req>,
  ) {
    for (let asked = 1; ; asked++) {
      const reply = await this.callOnce(contract, payload);
      if (reply.ok || reply.error.code !== 'IN_PROGRESS' || asked >= IN_PROGRESS_ASKS_MAX)
        return reply;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  /** One request, whatever it answers. */
  callOnce<Req extends TSchema, Rep extends TSchema>(
    contract: RequestContract<Req, Rep>,
    payload: Static<Req>,
  ) {
    return this.world.client.request(contract, payload, { timeout_ms: 60_000 });
  }

  async ok<Req extends TSchema, Rep extends TSchema>(
    contract: RequestContract<Req, Rep>,
    payload: Static<Req>,
  ): Promise<Static<Rep>> {
    const reply = await this.call(contract, payload);
    if (!reply.ok) throw new Error(`${contract.subject} failed: ${JSON.stringify(reply.error)}`);
    return reply.value;
  }

  /** Registers the SKUs and receives stock: `{ 'WH-LDN': { A: 3 } }`. */
  async stock(skus: string[], at: Record<string, Record<string, number>> = {}): Promise<void> {
    await this.ok(ledger.upsertSkus, { skus: skus.map((sku) => ({ sku })) });
    for (const [location, lines] of Object.entries(at)) {
      await this.ok(ledger.receiveStock, {
        id: `receipt-${++this.receipts}`,
        location,
        lines: Object.entries(lines).map(([sku, qty]) => ({ sku, qty })),
      });
    }
  }

  order(
    id: string,
    lines: Record<string, number>,
    more: Partial<Static<typeof routing.createOrder.request.schema>> = {},
  ) {
    return this.call(routing.createOrder, {
      id,
      channel: 'web',
      method: 'ship',
      destination: LONDON,
      lines: Object.entries(lines).map(([sku, qty]) => ({ sku, qty })),
      ...more,
    });
  }

  async placed(
    id: string,
    lines: Record<string, number>,
    more: Partial<Static<typeof routing.createOrder.request.schema>> = {},
  ) {
    const reply = await this.order(id, lines, more);
    if (!reply.ok) throw new Error(`order ${id} failed: ${JSON.stringify(reply.error)}`);
    return reply.value;
  }

  /** The ledger's balances for a SKU per location, from its audit trail (the last entry wins). */
  async positions(sku: string): Promise<Record<string, { onHand: number; reserved: number }>> {
    const audit = await this.ok(ledger.audit, { sku });
    const out: Record<string, { onHand: number; reserved: number; seq: number }> = {};
    for (const entry of audit.entries) {
      if ((out[entry.location]?.seq ?? -1) > entry.seq) continue;
      out[entry.location] = {
        onHand: entry.balance.onHand,
        reserved: entry.balance.reserved,
        seq: entry.seq,
      };
    }
    return Object.fromEntries(
      Object.entries(out).map(([location, { onHand, reserved }]) => [
        location,
        { onHand, reserved },
      ]),
    );
  }

  async drift() {
    return (await this.ok(ledger.reconcile, {})).drift;
  }

  async dispose(): Promise<void> {
    await this.world.dispose();
  }
}
