import { Type } from '@sinclair/typebox';
import { LIMITS } from '../limits.js';
import {
  ChannelCode,
  defineRequest,
  Id,
  LocationCode,
  Qty,
  Sku,
  strict,
  Timestamp,
} from '../schema.js';

/**
 * Routing asks, before it places an order quoted earlier: is this promise still valid for
 * these lines, and which location(s) keep it? PROMISE_EXPIRED / PROMISE_UNAVAILABLE (with
 * the reason in details) when it is not; NOT_FOUND for an unknown id.
 */
export const resolvePromise = defineRequest({
  subject: 'omnistock.v1.promise.resolve',
  summary:
    'Check a quoted promise before an order is placed on it, and name the locations that keep it.',
  request: Type.Object(
    {
      promiseId: Id,
      channel: ChannelCode,
      method: Type.Union([Type.Literal('ship'), Type.Literal('pickup')]),
      pickupLocation: Type.Optional(LocationCode),
      lines: Type.Array(Type.Object({ sku: Sku, qty: Qty }, strict), {
        minItems: 1,
        maxItems: LIMITS.lines_max,
      }),
    },
    strict,
  ),
  reply: Type.Object({
    promiseId: Id,
    /** The option the shopper chose, e.g. `ship:standard`, `pickup:ST-MAN-04`, `locker:LK-1`. */
    option: Type.String({ maxLength: LIMITS.name_length_max }),
    /**
     * Each location and what it must send for the window to hold; `shipTo` names the pickup
     * store or locker when the location sends the units there first (a transfer).
     */
    allocations: Type.Array(
      Type.Object({
        location: LocationCode,
        lines: Type.Array(Type.Object({ sku: Sku, qty: Qty })),
        shipTo: Type.Optional(LocationCode),
      }),
    ),
    window: Type.Object({ from: Timestamp, to: Timestamp }),
    expiresAt: Timestamp,
  }),
});
