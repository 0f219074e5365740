import { Type } from '@sinclair/typebox';
import { LIMITS } from '../limits.js';
import { Code, defineRequest, LocationCode, Name, strict } from '../schema.js';
import { PROMISE_LIMITS } from './limits.js';
import { CalendarDate, Price, ServiceLevelName, WallTime, Weekday } from './shared.js';

/** Transit days for destinations up to `upToKm` from the dispatching location. */
export const DistanceBand = Type.Object(
  {
    upToKm: Type.Number({ exclusiveMinimum: 0, maximum: PROMISE_LIMITS.distance_km_max }),
    days: Type.Integer({ minimum: 0, maximum: PROMISE_LIMITS.transit_days_max }),
  },
  strict,
);

export const CarrierService = Type.Object(
  {
    level: ServiceLevelName,
    /** Ascending by distance; a destination beyond the last band is not served. */
    transitDays: Type.Array(DistanceBand, {
      minItems: 1,
      maxItems: PROMISE_LIMITS.distance_bands_max,
    }),
    nonMovingWeekdays: Type.Optional(
      Type.Array(Weekday, { maxItems: 7, uniqueItems: true, default: [] }),
    ),
    nonMovingDates: Type.Optional(
      Type.Array(CalendarDate, { maxItems: PROMISE_LIMITS.non_moving_dates_max }),
    ),
    /** When the carrier collects, in the location's zone; `defaultCollectionTime` elsewhere. */
    collectionTimes: Type.Optional(
      Type.Array(Type.Object({ location: LocationCode, time: WallTime }, strict), {
        maxItems: LIMITS.bulk_items_max,
      }),
    ),
    defaultCollectionTime: WallTime,
    /** The hours a parcel may arrive on its day, in the customer's zone. */
    deliveryHours: Type.Object({ from: WallTime, to: WallTime }, strict),
    price: Type.Optional(Price),
  },
  strict,
);

export const Carrier = Type.Object(
  {
    code: Code,
    name: Type.Optional(Name),
    services: Type.Array(CarrierService, {
      minItems: 1,
      maxItems: PROMISE_LIMITS.services_per_carrier_max,
    }),
  },
  strict,
);

export const configureCarriers = defineRequest({
  subject: 'omnistock.v1.promise.configure-carriers',
  summary:
    'Create or replace carriers and their service levels in bulk; the same body twice changes nothing (versions stay).',
  request: Type.Object(
    { carriers: Type.Array(Carrier, { minItems: 1, maxItems: LIMITS.bulk_items_max }) },
    strict,
  ),
  reply: Type.Object({
    services: Type.Array(
      Type.Object({ carrier: Code, level: ServiceLevelName, version: Type.Integer() }),
    ),
  }),
});
