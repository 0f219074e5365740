import { Type } from '@sinclair/typebox';
import { PROMISE_LIMITS } from './limits.js';

export const SERVICE_LEVELS = ['standard', 'express', 'same_day'] as const;
export type ServiceLevel = (typeof SERVICE_LEVELS)[number];
export const ServiceLevelName = Type.Union(SERVICE_LEVELS.map((level) => Type.Literal(level)));

export const PROMISE_OUTCOMES = ['early', 'on_time', 'late'] as const;
export type PromiseOutcome = (typeof PROMISE_OUTCOMES)[number];

/** A wall-clock time, "HH:MM", in the zone of whatever it belongs to. */
export const WallTime = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', maxLength: 5 });
/** A calendar date with no zone, "YYYY-MM-DD" (a holiday, a day carriers do not move). */
export const CalendarDate = Type.String({
  pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$',
  maxLength: 10,
});
/** ISO weekday: 1 Monday … 7 Sunday. */
export const Weekday = Type.Integer({ minimum: 1, maximum: 7 });
export const TimeZoneName = Type.String({
  minLength: 1,
  maxLength: PROMISE_LIMITS.timezone_length_max,
});
export const Latitude = Type.Number({ minimum: -90, maximum: 90 });
export const Longitude = Type.Number({ minimum: -180, maximum: 180 });
export const Price = Type.Object(
  {
    amountMinor: Type.Integer({ minimum: 0, maximum: PROMISE_LIMITS.price_minor_max }),
    currency: Type.String({ pattern: '^[A-Z]{3}$' }),
  },
  { additionalProperties: false },
);
