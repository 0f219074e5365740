import { ledger, returns } from '@omnistock/contracts';
import { returnsService } from '@omnistock/app-returns';
import { ledgerService } from '@omnistock/app-stock-ledger';
import type { RunningService } from '@omnistock/service-kit';
import pg from 'pg';
import { TEST_LOCATIONS, TestWorld } from '@omnistock/testing';
import { FakeRouting } from './fake-routing.js';

/**
 * The ledger and returns running for real, routing faked, one database and namespace. A
 * test may stop either service and start it again (returns as a process of its own, to kill).
 */
export class ReturnsWorld {
  readonly call: TestWorld['call'];
  readonly ok: TestWorld['ok'];
  /** Straight to the suite's database, whichever services are up. */
  readonly sql: pg.Pool;
  private running: RunningService | undefined;

  private constructor(
    readonly world: TestWorld,
    readonly routing: FakeRouting,
    private ledger: RunningService,
  ) {
    this.call = world.call.bind(world);
    this.ok = world.ok.bind(world);
    this.sql = new pg.Pool({ connectionString: world.database.url, max: 2 });
  }

  static async create(label: string): Promise<ReturnsWorld> {
    const world = await TestWorld.create(label);
    const ledgerRunning = await world.start(ledgerService);
    const w = new ReturnsWorld(
      world,
      new FakeRouting(world.connection, world.namespace),
      ledgerRunning,
    );
    await w.startReturns();
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

  get returns(): RunningService {
    if (!this.running) throw new Error('the returns service is not running in this process');
    return this.running;
  }

  async startReturns(): Promise<RunningService> {
    this.running = await this.world.start(returnsService);
    return this.running;
  }

  async stopReturns(): Promise<void> {
    if (this.running) await this.world.stop(this.running);
    this.running = undefined;
  }

  /** The ledger goes away (requests to it find no one) until `startLedger`. */
  async stopLedger(): Promise<void> {
    await this.world.stop(this.ledger);
  }

  async startLedger(): Promise<void> {
    this.ledger = await this.world.start(ledgerService);
  }

  /** A shipped order's units, authorised for return and received at `location`. */
  async receivedReturn(id: string, location: string, lines: { sku: string; qty: number }[]) {
    const orderId = `o-${id}`;
    this.routing.addShippedOrder(orderId, lines);
    await this.ok(returns.createReturn, {
      id,
      orderId,
      lines: lines.map((line) => ({ ...line, reason: 'changed_mind' as const })),
    });
    return this.ok(returns.receiveReturn, { id, location, lines });
  }

  /** A return of one shipped SKU-R, its replacement SKU-X held as an exchange. */
  async exchangeReturn(id: string) {
    const orderId = `o-${id}`;
    this.routing.addShippedOrder(orderId, [{ sku: 'SKU-R', qty: 1 }]);
    return this.ok(returns.createReturn, {
      id,
      orderId,
      lines: [{ sku: 'SKU-R', qty: 1, reason: 'wrong_size' }],
      exchange: { lines: [{ sku: 'SKU-X', qty: 1 }] },
    });
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
    const {
      rows: [row],
    } = await this.sql.query(
      'SELECT on_hand, reserved, quarantine FROM ledger.positions WHERE sku = $1 AND location = $2',
      [sku, location],
    );
    return row
      ? { onHand: row.on_hand, reserved: row.reserved, quarantine: row.quarantine }
      : { onHand: 0, reserved: 0, quarantine: 0 };
  }

  async returnsRows(): Promise<number> {
    const {
      rows: [{ count }],
    } = await this.sql.query('SELECT count(*)::int AS count FROM returns.returns');
    return count;
  }

  async noDrift() {
    return (await this.ok(ledger.reconcile, {})).drift;
  }

  async dispose(): Promise<void> {
    this.routing.close();
    await this.sql.end();
    await this.world.dispose();
  }
}
