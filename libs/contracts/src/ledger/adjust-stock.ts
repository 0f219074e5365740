import { Type } from '@sinclair/typebox';
import { LIMITS } from '../limits.js';
import {
  Actor,
  defineRequest,
  Id,
  LocationCode,
  Reason,
  SignedQty,
  Sku,
  strict,
} from '../schema.js';
import { MovementReply } from './shared.js';

export const adjustStock = defineRequest({
  subject: 'omnistock.v1.ledger.adjust-stock',
  summary: 'A signed correction of on_hand with a reason code; it may not uncover held units.',
  request: Type.Object(
    {
      id: Id,
      location: LocationCode,
      lines: Type.Array(
        Type.Object(
          {
            sku: Sku,
            delta: Type.Intersect([SignedQty, Type.Not(Type.Literal(0))]),
            reason: Reason,
          },
          strict,
        ),
        { minItems: 1, maxItems: LIMITS.lines_max },
      ),
      actor: Actor,
    },
    strict,
  ),
  reply: MovementReply,
});
