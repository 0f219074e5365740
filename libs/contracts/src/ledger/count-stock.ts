import { Type } from '@sinclair/typebox';
import { LIMITS } from '../limits.js';
import { Actor, Count, defineRequest, Id, LocationCode, Sku, strict } from '../schema.js';
import { MovementReply } from './shared.js';

export const countStock = defineRequest({
  subject: 'omnistock.v1.ledger.count-stock',
  summary:
    'A cycle count: posts the difference to on_hand. Holds the counted stock can no longer cover are released and named in the reply.',
  request: Type.Object(
    {
      id: Id,
      location: LocationCode,
      lines: Type.Array(Type.Object({ sku: Sku, counted: Count }, strict), {
        minItems: 1,
        maxItems: LIMITS.lines_max,
      }),
      actor: Actor,
    },
    strict,
  ),
  reply: Type.Intersect([
    MovementReply,
    Type.Object({
      uncoveredHolds: Type.Array(Type.Object({ id: Id, sku: Type.String(), qty: Type.Integer() })),
    }),
  ]),
});
