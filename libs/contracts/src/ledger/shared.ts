import { Type, type Static } from '@sinclair/typebox';
import { LIMITS } from '../limits.js';
import {
  Actor,
  ChannelCode,
  Count,
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
  onHand: Count,
  reserved: Count,
  quarantine: Count,
  inTransit: Count,
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
  lines: Type.Array(HoldLine),
});

export const HoldRef = Type.Object(
  {
    id: Id,
    actor: Actor,
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: LIMITS.reason_length_max })),
  },
  strict,
);

export type PositionViewType = Static<typeof PositionView>;
export type HoldViewType = Static<typeof HoldView>;
export type HoldLineType = Static<typeof HoldLine>;
