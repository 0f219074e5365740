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

  /** Both configuration tables whole: a refused batch must leave every row and version as it was. */
  const configuration = async () => {
    const db = world.promises.runtime.dataSource;
    return {
      carriers: await db.query(
        'SELECT carrier, level, version, config FROM carrier_services ORDER BY carrier, level',
      ),
      calendars: await db.query(
        'SELECT location, version, config FROM location_calendars ORDER BY location',
      ),
    };
  };
  /** Valid changes sent beside each bad entry: a partial write would store them. */
  const changedCalendar = { ...CALENDARS[1]!, processingMinutes: 45 };
  const changedCarrier = {
    ...CARRIERS[0]!,
    services: [{ ...CARRIERS[0]!.services[0]!, price: { amountMinor: 1, currency: 'GBP' } }],
  };

  it.each([
    [
      'a calendar for a location the ledger does not know',
      promise.configureCalendars,
      { calendars: [changedCalendar, { ...CALENDARS[0]!, location: 'XX-9' }] },
      'UNKNOWN_LOCATION',
    ],
    [
      'opening after closing',
      promise.configureCalendars,
      {
        calendars: [
          changedCalendar,
          { ...CALENDARS[0]!, openingHours: [{ weekday: 1, open: '18:00', close: '08:00' }] },
        ],
      },
      'VALIDATION_FAILED',
    ],
    [
      'a wall time that is not one',
      promise.configureCalendars,
      { calendars: [changedCalendar, { ...CALENDARS[0]!, cutoff: '25:00' }] },
      'VALIDATION_FAILED',
    ],
    [
      'transit days past the limit',
      promise.configureCarriers,
      {
        carriers: [
          changedCarrier,
          {
            ...CARRIERS[1]!,
            services: [
              {
                ...CARRIERS[1]!.services[0]!,
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
      { carriers: [changedCarrier, CARRIERS[1]!, CARRIERS[1]!] },
      'VALIDATION_FAILED',
    ],
    [
      'a delivery window that ends before it starts',
      promise.configureCarriers,
      {
        carriers: [
          changedCarrier,
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
    const before = await configuration();
    expect(await world.requestRaw(contract, payload)).toMatchObject({ ok: false, error: { code } });
    expect(await configuration()).toEqual(before);
  });
});
