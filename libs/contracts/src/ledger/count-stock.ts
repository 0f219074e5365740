import { Type } from '@sinclair/typebox';
import { LIMITS } from '../limits.js';
import { Actor, Balance, defineRequest, Id, LocationCode, Sku, strict } from '../schema.js';
import { MovementReply } from './shared.js';

export const countStock = defineRequest({
  subject: 'omnistock.v1.ledger.count-stock',
  summary:
    'A cycle count: posts the difference to on_hand. A SKU may appear once. Holds the counted stock can no longer cover are released (the fewest, cart holds before order holds) and named in the reply; an order hold released so becomes a `hold.lost` event for routing to re-route.',
  request: Type.Object(
    {
      id: Id,
      location: LocationCode,
      lines: Type.Array(Type.Object({ sku: Sku, counted: Balance }, strict), {
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
      /** Holds the count could no longer cover, released: cart holds first, then as few order holds as cover the shortfall. */
      uncoveredHolds: Type.Array(
        Type.Object({
          id: Id,
          sku: Type.String(),
          qty: Type.Integer(),
          orderId: Type.Union([Id, Type.Null()]),
        }),
      ),
    }),
  ]),
});
