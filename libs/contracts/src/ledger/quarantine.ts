import { Type } from '@sinclair/typebox';
import { Actor, defineRequest, Id, LocationCode, Reason, strict } from '../schema.js';
import { MovementReply, SkuQtyLines } from './shared.js';

export const quarantineStock = defineRequest({
  subject: 'omnistock.v1.ledger.quarantine',
  summary:
    'Units become unsellable: from on_hand (found damaged) or from a customer (a returned unit that is not resellable).',
  request: Type.Object(
    {
      id: Id,
      location: LocationCode,
      from: Type.Union([Type.Literal('on_hand'), Type.Literal('customer')]),
      lines: SkuQtyLines,
      reason: Reason,
      reference: Type.Optional(Reason),
      actor: Actor,
    },
    strict,
  ),
  reply: MovementReply,
});
