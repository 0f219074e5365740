import { Type } from '@sinclair/typebox';
import { LIMITS } from '../limits.js';
import { defineRequest, LocationCode, strict } from '../schema.js';
import { PROMISE_LIMITS } from './limits.js';
import { CalendarDate, WallTime, Weekday } from './shared.js';

/** A location's working week, in its own zone (the ledger's location record names it). */
export const LocationCalendar = Type.Object(
  {
    location: LocationCode,
    openingHours: Type.Array(
      Type.Object({ weekday: Weekday, open: WallTime, close: WallTime }, strict),
      {
        maxItems: PROMISE_LIMITS.opening_hours_max,
      },
    ),
    holidays: Type.Optional(Type.Array(CalendarDate, { maxItems: PROMISE_LIMITS.holidays_max })),
    /** Orders placed before this wall time leave the same working day. */
    cutoff: WallTime,
    processingMinutes: Type.Integer({ minimum: 0, maximum: PROMISE_LIMITS.processing_minutes_max }),
    /** From order to "ready for pickup" at a store with the stock on its shelf. */
    pickupLeadMinutes: Type.Optional(
      Type.Integer({ minimum: 0, maximum: PROMISE_LIMITS.pickup_lead_minutes_max }),
    ),
    pickupRadiusKm: Type.Optional(
      Type.Number({ exclusiveMinimum: 0, maximum: PROMISE_LIMITS.pickup_radius_km_max }),
    ),
  },
  strict,
);

export const configureCalendars = defineRequest({
  subject: 'omnistock.v1.promise.configure-calendars',
  summary:
    'Create or replace location calendars (opening hours, holidays, cut-off, processing and pickup lead times) in bulk.',
  request: Type.Object(
    { calendars: Type.Array(LocationCalendar, { minItems: 1, maxItems: LIMITS.bulk_items_max }) },
    strict,
  ),
  reply: Type.Object({
    calendars: Type.Array(Type.Object({ location: LocationCode, version: Type.Integer() })),
  }),
});
