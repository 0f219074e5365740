import { Type } from '@sinclair/typebox';
import { LIMITS } from '../limits.js';
import {
  Balance,
  ChannelCode,
  defineRequest,
  LocationCode,
  Sku,
  strict,
  UnitTotal,
} from '../schema.js';

export const availability = defineRequest({
  subject: 'omnistock.v1.ledger.availability',
  summary:
    'What a channel may sell, per SKU in total and per location (locations in no particular order), after safety stock and the channel cap.',
  request: Type.Object(
    {
      channel: ChannelCode,
      skus: Type.Array(Sku, { minItems: 1, maxItems: LIMITS.availability_skus_max }),
      locations: Type.Optional(
        Type.Array(LocationCode, { minItems: 1, maxItems: LIMITS.bulk_items_max }),
      ),
    },
    strict,
  ),
  reply: Type.Object({
    items: Type.Array(
      Type.Object({
        sku: Sku,
        available: UnitTotal,
        locations: Type.Array(Type.Object({ location: LocationCode, available: Balance })),
      }),
    ),
  }),
});
