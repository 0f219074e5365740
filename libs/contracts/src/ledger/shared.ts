import { Type, type Static } from '@sinclair/typebox';
import { LIMITS } from '../limits.js';
import {
  Actor,
  Balance,
  ChannelCode,
  ChannelScope,
  Id,
  LocationCode,
  Qty,
  Sku,
  strict,
  Timestamp,
} from '../schema.js';

export const LOCATION_KINDS = ['warehouse', 'store', 'locker'] as const;
export const LOCATION_CAPABILITIES = ['ship', 'pickup', 'ship_from_store', 'returns'] as const;
export const HOLD_STATUSES = ['held', 'committed', 'fulfilled', 'released', 'expired'] as const;
export const MOVEMENT_KINDS = [
  'receipt',
  'adjustment',
  'count',
  'transfer_out',
  'transfer_in',
  'write_off',
  'quarantine_in',
  'quarantine_out',
  'return_restock',
  'hold',
  'hold_release',
  'hold_expiry',
  'hold_fulfil',
] as const;

export type HoldStatus = (typeof HOLD_STATUSES)[number];
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

/** A line of stock at a location the request names once for all its lines. */
export const SkuQtyLine = Type.Object({ sku: Sku, qty: Qty }, strict);
export const SkuQtyLines = Type.Array(SkuQtyLine, { minItems: 1, maxItems: LIMITS.lines_max });

/** A hold line names its own location: one cart may hold at several. */
export const HoldLine = Type.Object({ sku: Sku, location: LocationCode, qty: Qty }, strict);

export const PositionView = Type.Object({
  sku: Sku,
  location: LocationCode,
  onHand: Balance,
  reserved: Balance,
  quarantine: Balance,
  inTransit: Balance,
  seq: Type.Integer({ minimum: 0 }),
});

export const MovementReply = Type.Object({
  id: Id,
  kind: Type.String(),
  positions: Type.Array(PositionView),
});

export const HoldView = Type.Object({
  id: Id,
  channel: ChannelCode,
  status: Type.Union(HOLD_STATUSES.map((status) => Type.Literal(status))),
  expiresAt: Type.Union([Timestamp, Type.Null()]),
  reference: Type.Union([Type.String(), Type.Null()]),
  /** The order that owns the hold; null while it is its channel's cart hold. */
  orderId: Type.Union([Id, Type.Null()]),
  /** Bumped by every change to the hold, so its events can be ordered and de-duplicated. */
  seq: Type.Integer({ minimum: 1 }),
  lines: Type.Array(HoldLine),
});

/**
 * Who a hold command acts for. A cart hold belongs to its channel until an order adopts
 * it; from then on only that order (order routing, acting for it) may release, move or
 * fulfil it. `cart.channels` narrows a cart principal to the channels its API key is
 * bound to (absent: any channel); a hold of another channel is answered as not found.
 */
export const HoldPrincipal = Type.Union([
  Type.Object(
    {
      kind: Type.Literal('cart'),
      channels: Type.Optional(ChannelScope),
    },
    strict,
  ),
  Type.Object({ kind: Type.Literal('order'), orderId: Id }, strict),
]);

export const HoldRef = Type.Object(
  {
    id: Id,
    principal: HoldPrincipal,
    actor: Actor,
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: LIMITS.reason_length_max })),
  },
  strict,
);

export type PositionViewType = Static<typeof PositionView>;
export type HoldViewType = Static<typeof HoldView>;
export type HoldLineType = Static<typeof HoldLine>;
export type HoldPrincipalType = Static<typeof HoldPrincipal>;
