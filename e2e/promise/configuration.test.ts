import { promise } from '@omnistock/contracts';
import { CALENDARS, CARRIERS, PromiseWorld } from './support/promise-world.js';

describe('delivery configuration over NATS', () => {
  let world: PromiseWorld;

  beforeAll(async () => {
    world = await PromiseWorld.create('promise_config', []);
  }, 60_000);

  afterAll(async () => {
    await world?.dispose();
  });

  it('upserts carriers idempotently: the same body keeps its versions, a change gets the next', async () => {
    const again = await world.must(promise.configureCarriers, { carriers: CARRIERS });
    expect(again.services).toEqual([
      { carrier: 'DPD', level: 'standard', version: 1 },
      { carrier: 'DPD', level: 'same_day', version: 1 },
      { carrier: 'ROYAL', level: 'standard', version: 1 },
    ]);
    const cheaper = {
      ...CARRIERS[1]!,
      services: [{ ...CARRIERS[1]!.services[0]!, price: { amountMinor: 299, currency: 'GBP' } }],
    };
    expect((await world.must(promise.configureCarriers, { carriers: [cheaper] })).services).toEqual(
      [{ carrier: 'ROYAL', level: 'standard', version: 2 }],
    );
  });

  it('upserts calendars idempotently', async () => {
    const again = await world.must(promise.configureCalendars, { calendars: CALENDARS });
    expect(again.calendars.map((calendar) => calendar.version)).toEqual([1, 1, 1]);
  });

  it.each([
    [
      'a calendar for a location the ledger does not know',
      promise.configureCalendars,
      { calendars: [{ ...CALENDARS[0]!, location: 'XX-9' }] },
      'UNKNOWN_LOCATION',
    ],
    [
      'opening after closing',
      promise.configureCalendars,
      {
        calendars: [
          { ...CALENDARS[0]!, openingHours: [{ weekday: 1, open: '18:00', close: '08:00' }] },
        ],
      },
      'VALIDATION_FAILED',
    ],
    [
      'a wall time that is not one',
      promise.configureCalendars,
      { calendars: [{ ...CALENDARS[0]!, cutoff: '25:00' }] },
      'VALIDATION_FAILED',
    ],
    [
      'transit days past the limit',
      promise.configureCarriers,
      {
        carriers: [
          {
            ...CARRIERS[0]!,
            services: [
              {
                ...CARRIERS[0]!.services[0]!,
                transitDays: [{ upToKm: 10, days: promise.PROMISE_LIMITS.transit_days_max + 1 }],
              },
            ],
          },
        ],
      },
      'VALIDATION_FAILED',
    ],
    [
      'the same service twice',
      promise.configureCarriers,
      { carriers: [CARRIERS[1]!, CARRIERS[1]!] },
      'VALIDATION_FAILED',
    ],
    [
      'a delivery window that ends before it starts',
      promise.configureCarriers,
      {
        carriers: [
          {
            ...CARRIERS[1]!,
            services: [
              { ...CARRIERS[1]!.services[0]!, deliveryHours: { from: '18:00', to: '09:00' } },
            ],
          },
        ],
      },
      'VALIDATION_FAILED',
    ],
  ])('refuses %s and changes nothing', async (_name, contract, payload, code) => {
    expect(await world.requestRaw(contract, payload)).toMatchObject({ ok: false, error: { code } });
    const [row] = await world.promises.runtime.dataSource.query(
      "SELECT version, config->'deliveryHours'->>'from' AS from FROM carrier_services WHERE carrier = 'ROYAL'",
    );
    expect(row).toEqual({ version: 2, from: '09:00' });
  });
});
