import { Type } from '@sinclair/typebox';
import { ChannelCode, defineRequest, Qty, Sku, strict } from '../schema.js';
import { Allocation, OrderId, ROUTING_LIMITS, UNFILLABLE_POLICIES } from './orders.js';

/** A change to the routing rules; what is absent stays as it is. */
export const RoutingRulesPatch = Type.Object(
  {
    /** Never split an order into more shipments than this. */
    maxShipments: Type.Optional(
      Type.Integer({ minimum: 1, maximum: ROUTING_LIMITS.shipments_max }),
    ),
    /** Kilometres a split must save per extra shipment before it beats a single fill. */
    splitPenaltyKm: Type.Optional(Type.Number({ minimum: 0, maximum: 1_000_000 })),
    /** Pickup lines the store lacks come from a warehouse by transfer (else backordered). */
    transferToPickup: Type.Optional(Type.Boolean()),
    /** What happens to lines no location can take: they wait for stock, or are cancelled. */
    unfillable: Type.Optional(
      Type.Union(UNFILLABLE_POLICIES.map((policy) => Type.Literal(policy))),
    ),
  },
  strict,
);

const Outcome = Type.Object({
  allocations: Type.Array(Allocation),
  backordered: Type.Array(Type.Object({ sku: Sku, qty: Qty })),
});

export const simulate = defineRequest({
  subject: 'omnistock.v1.routing.simulate',
  summary:
    'Replay a changed rule set over the last N orders` first routing decisions, on the inputs stored with them, and report what would differ. Reads only: no stock is touched.',
  request: Type.Object(
    {
      orders: Type.Integer({ minimum: 1, maximum: ROUTING_LIMITS.simulate_orders_max }),
      /** Changes over the rules each order's channel runs with now. */
      rules: RoutingRulesPatch,
    },
    strict,
  ),
  reply: Type.Object({
    strategy: Type.String(),
    rules: Type.Record(Type.String(), Type.Unknown()),
    replayed: Type.Integer(),
    changed: Type.Integer(),
    differences: Type.Array(
      Type.Object({
        orderId: OrderId,
        before: Outcome,
        after: Outcome,
        explanation: Type.String(),
      }),
    ),
  }),
});

export const setRoutingRules = defineRequest({
  subject: 'omnistock.v1.routing.rules-set',
  summary:
    'Put a rule change live for a channel (or `*`, every channel without its own), after trying it with `simulate`. Answers the rules now in force.',
  request: Type.Object(
    { channel: Type.Union([ChannelCode, Type.Literal('*')]), rules: RoutingRulesPatch },
    strict,
  ),
  reply: Type.Object({ channel: Type.String(), rules: Type.Record(Type.String(), Type.Unknown()) }),
});
