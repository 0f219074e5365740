import { Type } from '@sinclair/typebox';
import { LIMITS } from '../limits.js';
import { ChannelCode, Count, defineRequest, LocationCode, strict } from '../schema.js';

export const Channel = Type.Object(
  {
    code: ChannelCode,
    /** Locations the channel may sell from; absent means all. */
    locations: Type.Optional(
      Type.Array(LocationCode, { maxItems: LIMITS.bulk_items_max, uniqueItems: true }),
    ),
    /** Units per position the channel never sells (kept back for other channels and shrinkage). */
    safetyStock: Type.Optional(Count),
    /** The share of what is available that the channel sees, e.g. 50 for a marketplace. */
    capPercent: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
  },
  strict,
);

export const upsertChannels = defineRequest({
  subject: 'omnistock.v1.ledger.upsert-channels',
  summary: 'Create or update channel policies in bulk.',
  request: Type.Object(
    { channels: Type.Array(Channel, { minItems: 1, maxItems: LIMITS.bulk_items_max }) },
    strict,
  ),
  reply: Type.Object({ channels: Type.Array(Channel) }),
});
