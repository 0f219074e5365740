import { Type } from '@sinclair/typebox';
import { Actor, defineRequest, Id, LocationCode, Reason, strict } from '../schema.js';
import { MovementReply, SkuQtyLines } from './shared.js';

export const releaseQuarantine = defineRequest({
  subject: 'omnistock.v1.ledger.release-quarantine',
  summary: 'Quarantined units are sellable again: quarantine back to on_hand.',
  request: Type.Object(
    { id: Id, location: LocationCode, lines: SkuQtyLines, reason: Reason, actor: Actor },
    strict,
  ),
  reply: MovementReply,
});
