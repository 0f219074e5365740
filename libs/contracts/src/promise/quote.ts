import { Type } from '@sinclair/typebox';
import { LIMITS } from '../limits.js';
import {
  ChannelCode,
  Code,
  defineRequest,
  Id,
  LocationCode,
  Qty,
  Sku,
  strict,
  Timestamp,
} from '../schema.js';
import { PROMISE_LIMITS } from './limits.js';
import {
  CalendarDate,
  Latitude,
  Longitude,
  Price,
  ServiceLevelName,
  TimeZoneName,
  WallTime,
} from './shared.js';

export const Destination = Type.Object(
  {
    postcode: Type.Optional(
      Type.String({ minLength: 1, maxLength: PROMISE_LIMITS.postcode_length_max }),
    ),
    lat: Latitude,
    lon: Longitude,
    /** The customer's zone for the window; the nearest location's when absent. */
    timezone: Type.Optional(TimeZoneName),
  },
  strict,
);

export const QuoteLines = Type.Array(Type.Object({ sku: Sku, qty: Qty }, strict), {
  minItems: 1,
  maxItems: LIMITS.lines_max,
});

export const PromiseWindow = Type.Object({
  from: Timestamp,
  to: Timestamp,
  /** The window as the customer reads it, in `timezone`. */
  localDate: CalendarDate,
  localFrom: WallTime,
  localTo: WallTime,
  timezone: TimeZoneName,
});

export const QuoteOption = Type.Object({
  promiseId: Id,
  /** `ship:<carrier>:<level>`, `pickup:<store>` or `locker:<locker>`. */
  option: Type.String({ maxLength: LIMITS.name_length_max }),
  method: Type.Union([Type.Literal('ship'), Type.Literal('pickup')]),
  carrier: Type.Union([Code, Type.Null()]),
  serviceLevel: Type.Union([ServiceLevelName, Type.Null()]),
  /** The pickup place (or the dispatching location) first, then a transfer's source. */
  locations: Type.Array(LocationCode),
  /**
   * For pickup: from the store's own shelf, or sent there from `transferFrom` first (hence
   * later). Absent on ship options, and on promises quoted before transfers existed.
   */
  via: Type.Optional(Type.Union([Type.Literal('shelf'), Type.Literal('transfer')])),
  transferFrom: Type.Optional(LocationCode),
  window: PromiseWindow,
  /** Order before `at` for this window; `text` says how long that is from now. */
  cutoff: Type.Object({
    at: Timestamp,
    remainingSeconds: Type.Integer({ minimum: 0 }),
    text: Type.String(),
  }),
  /** "ready today from 16:00" for pickup (a locker: "in the locker …"), "arrives Tue 31 Mar 09:00–18:00" for shipping. */
  summary: Type.String(),
  price: Type.Union([Price, Type.Null()]),
  /** Share of past promises of this kind that were kept, null until some were measured. */
  confidence: Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()]),
  confidenceBasedOn: Type.Integer({ minimum: 0 }),
  expiresAt: Timestamp,
});

export const quote = defineRequest({
  subject: 'omnistock.v1.promise.quote',
  summary:
    'Every delivery and pickup option the platform can keep for a destination and lines, earliest first, then cheapest.',
  request: Type.Object(
    {
      channel: ChannelCode,
      destination: Destination,
      lines: QuoteLines,
      /** The clock of this quote; tests and replays set it, the gateway never does. */
      now: Type.Optional(Timestamp),
    },
    strict,
  ),
  reply: Type.Object({
    quotedAt: Timestamp,
    timezone: TimeZoneName,
    options: Type.Array(QuoteOption),
    /** Why there are no options (or fewer than expected), for the storefront to say. */
    reason: Type.Union([Type.String(), Type.Null()]),
  }),
});
