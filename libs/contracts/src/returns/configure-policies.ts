import { Type } from '@sinclair/typebox';
import { LIMITS } from '../limits.js';
import { ChannelCode, defineRequest, LocationCode, strict } from '../schema.js';

export const ReturnPolicy = Type.Object(
  {
    channel: ChannelCode,
    /** Days after the units were shipped or collected in which a return may be authorised. */
    windowDays: Type.Integer({ minimum: 0, maximum: 365 }),
    /** Days the desk has to receive an authorised return before it expires. */
    receiveWithinDays: Type.Integer({ minimum: 1, maximum: 90 }),
    /**
     * Where resellable units go: absent, back on the receiving location's shelf; a location
     * code (a central returns warehouse), restocked where received and sent there by transfer.
     */
    resellableTo: Type.Optional(LocationCode),
  },
  strict,
);

export const configureReturnPolicies = defineRequest({
  subject: 'omnistock.v1.returns.configure-policies',
  summary:
    'Return windows per channel (bulk upsert). A channel without a policy gets 30 days and 30 days.',
  request: Type.Object(
    { policies: Type.Array(ReturnPolicy, { minItems: 1, maxItems: LIMITS.bulk_items_max }) },
    strict,
  ),
  reply: Type.Object({ policies: Type.Array(ReturnPolicy) }),
});
