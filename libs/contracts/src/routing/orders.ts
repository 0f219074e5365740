import { Type, type Static } from '@sinclair/typebox';
import { LIMITS } from '../limits.js';
import { ChannelCode, Id, LocationCode, Qty, Reason, Sku, strict, Timestamp } from '../schema.js';
import { FULFILMENT_STATUSES } from './fulfilment-events.js';

/**
 * An order id becomes part of each fulfilment and hold id (`<order>:<placement>:<location>`),
 * which must fit the ledger's id limit; hence a shorter bound than a generic id.
 */
export const ROUTING_LIMITS = {
  order_id_length_max: 56,
  /** Placement numbers per order (first route, re-routes after rejections, retries after races); three digits in an id. */
  placements_max: 999,
  /** Orders a simulation may replay. */
  simulate_orders_max: 500,
  fulfilments_listed_max: 500,
  shipments_max: 10,
} as const;

export const OrderId = Type.String({
  pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$',
  minLength: 1,
  maxLength: ROUTING_LIMITS.order_id_length_max,
});

export const ORDER_METHODS = ['ship', 'pickup'] as const;
export const ORDER_STATUSES = [
  'routed',
  'in_fulfilment',
  'fulfilled',
  'partially_backordered',
  'backordered',
  'cancelled',
] as const;
/** A channel's answer to lines no location can take (routing rule `unfillable`). */
export const UNFILLABLE_POLICIES = ['backorder', 'cancel'] as const;
export type UnfillablePolicy = (typeof UNFILLABLE_POLICIES)[number];
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export type FulfilmentStatus = (typeof FULFILMENT_STATUSES)[number];
export type OrderMethod = (typeof ORDER_METHODS)[number];

export const Method = Type.Union(ORDER_METHODS.map((method) => Type.Literal(method)));
export const OrderLine = Type.Object({ sku: Sku, qty: Qty }, strict);
export const OrderLines = Type.Array(OrderLine, { minItems: 1, maxItems: LIMITS.lines_max });
export const Destination = Type.Object(
  {
    postcode: Type.Optional(Type.String({ minLength: 1, maxLength: 16 })),
    lat: Type.Number({ minimum: -90, maximum: 90 }),
    lon: Type.Number({ minimum: -180, maximum: 180 }),
  },
  strict,
);

export const FulfilmentView = Type.Object({
  id: Id,
  orderId: OrderId,
  location: LocationCode,
  status: Type.Union(FULFILMENT_STATUSES.map((status) => Type.Literal(status))),
  method: Method,
  lines: Type.Array(Type.Object({ sku: Sku, qty: Qty })),
  holdId: Id,
  /**
   * Set on a ship-to-store leg: the store the units travel to for a pickup order. Optional
   * so readers built before ship-to-store still type-check; routing always sends it.
   */
  shipTo: Type.Optional(Type.Union([LocationCode, Type.Null()])),
  tracking: Type.Union([Type.String(), Type.Null()]),
  reason: Type.Union([Type.String(), Type.Null()]),
  updatedAt: Timestamp,
});

/** What one location sends; `shipTo` when it sends to the pickup store rather than the customer. */
export const Allocation = Type.Object({
  location: LocationCode,
  lines: Type.Array(Type.Object({ sku: Sku, qty: Qty })),
  shipTo: Type.Optional(LocationCode),
});

/** One candidate location as the strategy saw it: removed by a filter, or scored. */
export const RouteCandidate = Type.Object({
  location: LocationCode,
  removedBy: Type.Union([Type.String(), Type.Null()]),
  distanceKm: Type.Union([Type.Number(), Type.Null()]),
  coverageUnits: Type.Integer(),
  fillsAll: Type.Boolean(),
  stockDepth: Type.Integer(),
});

/** One routing decision, stored as it was taken: why each location won or lost. */
export const RouteDecision = Type.Object({
  placement: Type.Integer({ minimum: 1 }),
  trigger: Type.String(),
  strategy: Type.String(),
  rules: Type.Record(Type.String(), Type.Unknown()),
  /** The locations in the running and those removed by a filter other than "no stock", capped. */
  candidates: Type.Array(RouteCandidate),
  /** Locations not listed: those with none of the SKUs, and any beyond the cap. */
  candidatesOmitted: Type.Integer({ minimum: 0 }),
  allocations: Type.Array(Allocation),
  backordered: Type.Array(Type.Object({ sku: Sku, qty: Qty })),
  explanation: Type.String(),
  at: Timestamp,
});

export const OrderView = Type.Object({
  id: OrderId,
  channel: ChannelCode,
  status: Type.Union(ORDER_STATUSES.map((status) => Type.Literal(status))),
  method: Method,
  lines: Type.Array(Type.Object({ sku: Sku, qty: Qty })),
  destination: Type.Union([Destination, Type.Null()]),
  pickupLocation: Type.Union([LocationCode, Type.Null()]),
  promiseId: Type.Union([Id, Type.Null()]),
  reservationId: Type.Union([Id, Type.Null()]),
  backordered: Type.Array(Type.Object({ sku: Sku, qty: Qty })),
  /**
   * Lines nobody could take on a channel whose rule `unfillable` is `cancel`; they are never
   * routed again. Optional so readers built before the rule still type-check; routing always
   * sends it.
   */
  cancelledLines: Type.Optional(Type.Array(Type.Object({ sku: Sku, qty: Qty }))),
  fulfilments: Type.Array(FulfilmentView),
  /** Every routing decision taken for the order, oldest first. */
  route: Type.Array(RouteDecision),
  cancelReason: Type.Union([Reason, Type.Null()]),
  createdAt: Timestamp,
});

export type OrderViewType = Static<typeof OrderView>;
export type FulfilmentViewType = Static<typeof FulfilmentView>;
export type RouteDecisionType = Static<typeof RouteDecision>;
export type RouteCandidateType = Static<typeof RouteCandidate>;
export type OrderLineType = Static<typeof OrderLine>;
export type DestinationType = Static<typeof Destination>;
