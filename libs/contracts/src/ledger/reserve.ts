import { Type } from '@sinclair/typebox';
import { LIMITS } from '../limits.js';
import { Actor, ChannelCode, defineRequest, Id, Reason, strict } from '../schema.js';
import { HoldLine, HoldView } from './shared.js';

export const reserve = defineRequest({
  subject: 'omnistock.v1.ledger.reserve',
  summary:
    'Hold stock for a cart, all or nothing over the lines (two lines of one SKU and location are summed). `id` is the hold id and the idempotency key.',
  request: Type.Object(
    {
      id: Id,
      channel: ChannelCode,
      lines: Type.Array(HoldLine, { minItems: 1, maxItems: LIMITS.lines_max }),
      ttlSeconds: Type.Integer({ minimum: LIMITS.hold_ttl_s_min, maximum: LIMITS.hold_ttl_s_max }),
      reference: Type.Optional(Reason),
      actor: Actor,
    },
    strict,
  ),
  reply: HoldView,
});
