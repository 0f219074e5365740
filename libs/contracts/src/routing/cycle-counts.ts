import { Type } from '@sinclair/typebox';
import {
  Count,
  defineRequest,
  Id,
  LocationCode,
  Reason,
  Sku,
  strict,
  Timestamp,
} from '../schema.js';
import { ROUTING_LIMITS } from './orders.js';

/** A "not on the shelf" rejection asks the store to count, rather than zeroing on-hand blindly. */
export const CycleCountTask = Type.Object({
  id: Type.String(),
  location: LocationCode,
  sku: Sku,
  qtyNotFound: Count,
  fulfilmentId: Id,
  reason: Reason,
  status: Type.Literal('open'),
  createdAt: Timestamp,
});

export const listCycleCounts = defineRequest({
  subject: 'omnistock.v1.routing.cycle-count-list',
  summary:
    'Open cycle-count tasks raised by rejections, oldest first: what a store should count, and why.',
  request: Type.Object(
    {
      location: Type.Optional(LocationCode),
      limit: Type.Optional(
        Type.Integer({ minimum: 1, maximum: ROUTING_LIMITS.fulfilments_listed_max }),
      ),
    },
    strict,
  ),
  reply: Type.Object({ tasks: Type.Array(CycleCountTask) }),
});

export const closeCycleCount = defineRequest({
  subject: 'omnistock.v1.routing.cycle-count-close',
  summary:
    'The store counted (post the count to the ledger first): the task closes and routing counts those units again. Closing a closed task answers the same.',
  request: Type.Object({ id: Type.String({ pattern: '^[0-9]{1,18}$' }) }, strict),
  reply: Type.Object({ id: Type.String(), status: Type.Literal('counted') }),
});
