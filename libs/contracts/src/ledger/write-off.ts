import { Type } from '@sinclair/typebox';
import { Actor, defineRequest, Id, LocationCode, Reason, strict } from '../schema.js';
import { MovementReply, SkuQtyLines } from './shared.js';

export const writeOff = defineRequest({
  subject: 'omnistock.v1.ledger.write-off',
  summary: 'Units leave for good, from on_hand (never from held units) or from quarantine.',
  request: Type.Object(
    {
      id: Id,
      location: LocationCode,
      bucket: Type.Union([Type.Literal('on_hand'), Type.Literal('quarantine')]),
      lines: SkuQtyLines,
      reason: Reason,
      actor: Actor,
    },
    strict,
  ),
  reply: MovementReply,
});
