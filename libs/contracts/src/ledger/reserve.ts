import { Type } from '@sinclair/typebox';
import { LIMITS } from '../limits.js';
import { Actor, ChannelCode, defineRequest, Id, Reason, strict } from '../schema.js';
import { HoldLine, HoldView } from './shared.js';

export const reserve = defineRequest({
  subject: 'omnistock.v1.ledger.reserve',
  summary:
    'Hold stock, all or nothing over the lines (two lines of one SKU and location are summed): for a cart of `channel`, or, with `orderId`, for that order. `id` is the hold id and the idempotency key.',
  request: Type.Object(
    {
      id: Id,
      channel: ChannelCode,
      lines: Type.Array(HoldLine, { minItems: 1, maxItems: LIMITS.lines_max }),
      ttlSeconds: Type.Integer({ minimum: LIMITS.hold_ttl_s_min, maximum: LIMITS.hold_ttl_s_max }),
      reference: Type.Optional(Reason),
      /** Made for this order (by order routing): the hold belongs to it from the start. */
      orderId: Type.Optional(Id),
      actor: Actor,
    },
    strict,
  ),
  reply: HoldView,
});
