import { Type } from '@sinclair/typebox';
import { LIMITS } from '../limits.js';
import { ChannelCode, defineEvent, Id, LocationCode, Qty, Sku, Timestamp } from '../schema.js';

export const FULFILMENT_STATUSES = [
  'assigned',
  'accepted',
  'rejected',
  'shipped',
  'ready_for_pickup',
  'delivered',
  'collected',
  'cancelled',
] as const;

/** What every fulfilment event carries: enough for a WMS to act and for promises to be checked. */
export const FulfilmentEventPayload = Type.Object({
  fulfilmentId: Id,
  orderId: Id,
  channel: ChannelCode,
  location: LocationCode,
  status: Type.Union(FULFILMENT_STATUSES.map((status) => Type.Literal(status))),
  method: Type.Union([Type.Literal('ship'), Type.Literal('pickup')]),
  lines: Type.Array(Type.Object({ sku: Sku, qty: Qty }), { maxItems: LIMITS.lines_max }),
  promiseId: Type.Union([Id, Type.Null()]),
  tracking: Type.Union([Type.String({ maxLength: LIMITS.reason_length_max }), Type.Null()]),
  reason: Type.Union([Type.String({ maxLength: LIMITS.reason_length_max }), Type.Null()]),
  /** A ship-to-store leg of a pickup order: the store the units go to (absent otherwise). */
  shipTo: Type.Optional(LocationCode),
  /** When the transition happened, by the routing service's clock. */
  at: Timestamp,
});

const fulfilmentEvent = (event: string, summary: string) =>
  defineEvent({
    subject: `omnistock.evt.fulfilment.${event}`,
    summary: `${summary} The last token is the fulfilling location, so a warehouse system subscribes to its own.`,
    perLocation: true,
    payload: FulfilmentEventPayload,
  });

export const fulfilmentAssigned = fulfilmentEvent(
  'assigned',
  'A location was given lines to fulfil.',
);
export const fulfilmentAccepted = fulfilmentEvent(
  'accepted',
  'The location accepted the fulfilment.',
);
export const fulfilmentRejected = fulfilmentEvent(
  'rejected',
  'The location rejected the fulfilment; routing moves on.',
);
export const fulfilmentShipped = fulfilmentEvent('shipped', 'The parcel left the location.');
export const fulfilmentReady = fulfilmentEvent(
  'ready',
  'The order is ready for pickup at the location.',
);
export const fulfilmentCollected = fulfilmentEvent(
  'collected',
  'The customer collected the order.',
);
export const fulfilmentDelivered = fulfilmentEvent(
  'delivered',
  'The carrier delivered the parcel.',
);
