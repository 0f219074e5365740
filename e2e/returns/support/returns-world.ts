import { ledger } from '@omnistock/contracts';
import { returnsService } from '@omnistock/app-returns';
import { ledgerService } from '@omnistock/app-stock-ledger';
import type { RunningService } from '@omnistock/service-kit';
import { TEST_LOCATIONS, TestWorld } from '@omnistock/testing';
import { FakeRouting } from './fake-routing.js';

/** The ledger and returns running for real, routing faked, one database and namespace. */
export class ReturnsWorld {
  readonly call: TestWorld['call'];
  readonly ok: TestWorld['ok'];

  private constructor(
    readonly world: TestWorld,
    readonly routing: FakeRouting,
    readonly returns: RunningService,
  ) {
    this.call = world.call.bind(world);
    this.ok = world.ok.bind(world);
  }

  static async create(label: string): Promise<ReturnsWorld> {
    const world = await TestWorld.create(label);
    await world.start(ledgerService);
    const returns = await world.start(returnsService);
    const w = new ReturnsWorld(world, new FakeRouting(world.connection, world.namespace), returns);
    await w.ok(ledger.upsertLocations, {
      locations: [
        ...TEST_LOCATIONS,
        {
          code: 'WH-2',
          name: 'Warehouse two',
          kind: 'warehouse',
          lat: 52,
          lon: -1,
          timezone: 'Europe/London',
          capabilities: ['ship'],
        },
      ],
    });
    await w.ok(ledger.upsertSkus, {
      skus: ['SKU-R', 'SKU-S', 'SKU-X', 'SKU-OUT'].map((sku) => ({ sku })),
    });
    await w.ok(ledger.upsertChannels, {
      channels: [{ code: 'web' }, { code: 'store', locations: ['ST-1', 'ST-2'] }],
    });
    await w.ok(ledger.receiveStock, {
      id: 'rw-stock',
      location: 'WH-1',
      lines: [
        { sku: 'SKU-X', qty: 3 },
        { sku: 'SKU-R', qty: 1 },
      ],
    });
    return w;
  }

  async available(sku: string, location: string): Promise<number> {
    const reply = await this.ok(ledger.availability, {
      channel: 'web',
      skus: [sku],
      locations: [location],
    });
    return reply.items[0]?.locations.find((l) => l.location === location)?.available ?? 0;
  }

  async position(sku: string, location: string) {
    const [row] = await this.returns.runtime.dataSource.query(
      'SELECT on_hand, reserved, quarantine FROM ledger.positions WHERE sku = $1 AND location = $2',
      [sku, location],
    );
    return row
      ? { onHand: row.on_hand, reserved: row.reserved, quarantine: row.quarantine }
      : { onHand: 0, reserved: 0, quarantine: 0 };
  }

  async returnsRows(): Promise<number> {
    const [{ count }] = await this.returns.runtime.dataSource.query(
      'SELECT count(*)::int AS count FROM returns.returns',
    );
    return count;
  }

  async noDrift() {
    return (await this.ok(ledger.reconcile, {})).drift;
  }

  async dispose(): Promise<void> {
    this.routing.close();
    await this.world.dispose();
  }
}
