import { ledger, type Static } from '@omnistock/contracts';
import { TEST_LOCATIONS, TestWorld } from '@omnistock/testing';
import type { RunningService } from '@omnistock/service-kit';
import { ledgerService } from '../../src/ledger.service.js';

export const LOCATIONS = TEST_LOCATIONS;

/** A ledger suite's world: a database, a namespace, running replicas and a typed client. */
export class LedgerWorld {
  replicas: RunningService[] = [];

  readonly call: TestWorld['call'];
  readonly ok: TestWorld['ok'];

  private constructor(readonly world: TestWorld) {
    this.call = world.call.bind(world);
    this.ok = world.ok.bind(world);
  }

  static async create(label: string, replicas = 1): Promise<LedgerWorld> {
    const world = await TestWorld.create(label);
    const ledgerWorld = new LedgerWorld(world);
    for (let i = 0; i < replicas; i++) ledgerWorld.replicas.push(await world.start(ledgerService));
    return ledgerWorld;
  }

  get dataSource() {
    return this.replicas[0]!.runtime.dataSource;
  }

  async startReplica(): Promise<RunningService> {
    const replica = await this.world.start(ledgerService);
    this.replicas.push(replica);
    return replica;
  }

  async stopReplica(replica: RunningService): Promise<void> {
    this.replicas = this.replicas.filter((r) => r !== replica);
    await this.world.stop(replica);
  }

  async seedReference(
    skus: string[],
    channels: Static<typeof ledger.upsertChannels.request.schema>['channels'] = [{ code: 'web' }],
  ) {
    await this.ok(ledger.upsertLocations, {
      locations: LOCATIONS.map((l) => ({ ...l, capabilities: [...l.capabilities] })),
    });
    await this.ok(ledger.upsertSkus, { skus: skus.map((sku) => ({ sku })) });
    await this.ok(ledger.upsertChannels, { channels });
  }

  async position(sku: string, location: string) {
    const [row] = await this.dataSource.query(
      'SELECT on_hand, reserved, quarantine, in_transit, seq FROM ledger.positions WHERE sku = $1 AND location = $2',
      [sku, location],
    );
    return row
      ? {
          onHand: row.on_hand,
          reserved: row.reserved,
          quarantine: row.quarantine,
          inTransit: row.in_transit,
          seq: row.seq,
        }
      : { onHand: 0, reserved: 0, quarantine: 0, inTransit: 0, seq: 0 };
  }

  async expectNoDrift() {
    const report = await this.ok(ledger.reconcile, {});
    return report.drift;
  }

  async dispose(): Promise<void> {
    await this.world.dispose();
  }
}

/** A storefront acting for its cart, in any channel. */
export const CART = { kind: 'cart' } as const;
/** Order routing acting for one order. */
export const orderOf = (orderId: string) => ({ kind: 'order' as const, orderId });
