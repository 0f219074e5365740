import { randomBytes } from 'node:crypto';
import {
  ledger,
  promise,
  routing,
  type RequestContract,
  type Static,
  type TSchema,
} from '@omnistock/contracts';
import { promiseService } from '@omnistock/app-delivery-promise';
import { ledgerService } from '@omnistock/app-stock-ledger';
import { namespacedSubject } from '@omnistock/messaging';
import type { RunningService } from '@omnistock/service-kit';
import { TestWorld } from '@omnistock/testing';
import { jetstream } from '@nats-io/jetstream';

const WEEKDAYS = [1, 2, 3, 4, 5];

export const LOCATIONS = [
  {
    code: 'WH-1',
    name: 'London warehouse',
    kind: 'warehouse' as const,
    lat: 51.5,
    lon: -0.1,
    timezone: 'Europe/London',
    capabilities: ['ship' as const],
  },
  {
    code: 'ST-1',
    name: 'Manchester store',
    kind: 'store' as const,
    lat: 53.48,
    lon: -2.24,
    timezone: 'Europe/London',
    capabilities: ['pickup' as const, 'ship_from_store' as const],
  },
  {
    code: 'NY-1',
    name: 'New York warehouse',
    kind: 'warehouse' as const,
    lat: 40.71,
    lon: -74.0,
    timezone: 'America/New_York',
    capabilities: ['ship' as const],
  },
];

export const CALENDARS: Static<typeof promise.LocationCalendar>[] = [
  {
    location: 'WH-1',
    openingHours: [
      ...WEEKDAYS.map((weekday) => ({ weekday, open: '08:00', close: '18:00' })),
      { weekday: 6, open: '09:00', close: '13:00' },
    ],
    holidays: ['2026-04-03'],
    cutoff: '15:00',
    processingMinutes: 60,
  },
  {
    location: 'ST-1',
    openingHours: [1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, open: '09:00', close: '17:30' })),
    cutoff: '14:00',
    processingMinutes: 30,
    pickupLeadMinutes: 120,
  },
  {
    location: 'NY-1',
    openingHours: WEEKDAYS.map((weekday) => ({ weekday, open: '08:00', close: '18:00' })),
    cutoff: '15:00',
    processingMinutes: 60,
  },
];

export const CARRIERS: Static<typeof promise.Carrier>[] = [
  {
    code: 'DPD',
    services: [
      {
        level: 'standard',
        transitDays: [
          { upToKm: 500, days: 1 },
          { upToKm: 1200, days: 2 },
        ],
        nonMovingWeekdays: [7],
        defaultCollectionTime: '17:00',
        deliveryHours: { from: '09:00', to: '18:00' },
        price: { amountMinor: 499, currency: 'GBP' },
      },
      {
        level: 'same_day',
        transitDays: [{ upToKm: 30, days: 0 }],
        nonMovingWeekdays: [7],
        defaultCollectionTime: '16:00',
        deliveryHours: { from: '18:00', to: '22:00' },
        price: { amountMinor: 1299, currency: 'GBP' },
      },
    ],
  },
  {
    code: 'ROYAL',
    services: [
      {
        level: 'standard',
        transitDays: [{ upToKm: 1200, days: 1 }],
        nonMovingWeekdays: [7],
        defaultCollectionTime: '17:00',
        deliveryHours: { from: '09:00', to: '18:00' },
        price: { amountMinor: 399, currency: 'GBP' },
      },
    ],
  },
];

/** Customers: central London, central Manchester, Sydney (nobody ships there). */
export const LONDON = { lat: 51.51, lon: -0.12 };
export const MANCHESTER = { lat: 53.47, lon: -2.25 };
export const SYDNEY = { lat: -33.86, lon: 151.2 };

/**
 * A promise suite's world: its own database and NATS namespace, the ledger and the promise
 * service in-process, reference data, stock and delivery configuration seeded over NATS.
 */
export class PromiseWorld {
  private constructor(
    readonly world: TestWorld,
    readonly promises: RunningService,
  ) {}

  static async create(
    label: string,
    stock: { location: string; sku: string; qty: number }[],
  ): Promise<PromiseWorld> {
    const world = await TestWorld.create(label);
    try {
      await world.start(ledgerService);
      const promises = await world.start(promiseService);
      const promiseWorld = new PromiseWorld(world, promises);
      const skus = [...new Set(stock.map((line) => line.sku)), 'SKU-NONE'];
      await promiseWorld.must(ledger.upsertLocations, { locations: LOCATIONS });
      await promiseWorld.must(ledger.upsertSkus, { skus: skus.map((sku) => ({ sku })) });
      await promiseWorld.must(ledger.upsertChannels, { channels: [{ code: 'web' }] });
      for (const [index, line] of stock.entries()) {
        await promiseWorld.must(ledger.receiveStock, {
          id: `seed-${index}`,
          location: line.location,
          lines: [{ sku: line.sku, qty: line.qty }],
        });
      }
      await promiseWorld.must(promise.configureCalendars, { calendars: CALENDARS });
      await promiseWorld.must(promise.configureCarriers, { carriers: CARRIERS });
      return promiseWorld;
    } catch (error) {
      await world.dispose();
      throw error;
    }
  }

  /** The reply or the error envelope's body: TestWorld's client, named for these suites. */
  request<Req extends TSchema, Rep extends TSchema>(
    contract: RequestContract<Req, Rep>,
    payload: Static<Req>,
  ) {
    return this.world.call(contract, payload);
  }

  /** Sends bytes no contract would allow, to see the edge refuse them. */
  requestRaw(contract: RequestContract<TSchema, TSchema>, payload: unknown) {
    return this.world.client.requestRaw(contract.subject, JSON.stringify(payload), {
      timeout_ms: 10_000,
    });
  }

  /** A reply that must succeed; a refusal fails the test with its code. */
  must<Req extends TSchema, Rep extends TSchema>(
    contract: RequestContract<Req, Rep>,
    payload: Static<Req>,
  ): Promise<Static<Rep>> {
    return this.world.ok(contract, payload);
  }

  async promiseCount(): Promise<number> {
    const [row] = await this.promises.runtime.dataSource.query(
      'SELECT count(*)::int AS n FROM promises',
    );
    return row.n;
  }

  /** What routing will publish: a fulfilment event on the namespaced subject, through JetStream. */
  async publishFulfilment(
    event: 'delivered' | 'ready' | 'collected',
    fields: {
      promiseId: string | null;
      location: string;
      at: string;
      method: 'ship' | 'pickup';
      fulfilmentId?: string;
      messageId?: string;
    },
  ): Promise<void> {
    const contract = {
      delivered: routing.fulfilmentDelivered,
      ready: routing.fulfilmentReady,
      collected: routing.fulfilmentCollected,
    }[event];
    const fulfilmentId = fields.fulfilmentId ?? `ff-${randomBytes(4).toString('hex')}`;
    const payload: Static<typeof routing.FulfilmentEventPayload> = {
      fulfilmentId,
      orderId: `order-${fulfilmentId}`,
      channel: 'web',
      location: fields.location,
      status: event === 'ready' ? 'ready_for_pickup' : event,
      method: fields.method,
      lines: [{ sku: 'SKU-A', qty: 1 }],
      promiseId: fields.promiseId,
      tracking: null,
      reason: null,
      at: fields.at,
    };
    await jetstream(this.world.connection).publish(
      namespacedSubject(this.world.namespace, contract.subjectFor(fields.location)),
      JSON.stringify(payload),
      { msgID: fields.messageId ?? `${fulfilmentId}:${event}` },
    );
  }

  async dispose(): Promise<void> {
    await this.world.dispose();
  }
}
