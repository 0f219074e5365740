import { routing } from '@omnistock/contracts';
import { outboxEvent, type OutboxEvent } from '@omnistock/messaging';
import type { FulfilmentRow } from '../orders/order-store.js';
import type { Placement } from '../placement/placement.js';
import type { Unfillable } from '../rules/unfillable.js';

/** The event each fulfilment status announces, on a subject ending with the location. */
const EVENT_OF_STATUS = {
  assigned: routing.fulfilmentAssigned,
  accepted: routing.fulfilmentAccepted,
  rejected: routing.fulfilmentRejected,
  shipped: routing.fulfilmentShipped,
  ready_for_pickup: routing.fulfilmentReady,
  collected: routing.fulfilmentCollected,
  delivered: routing.fulfilmentDelivered,
  cancelled: routing.fulfilmentCancelled,
} as const;

export interface OrderFacts {
  id: string;
  channel: string;
  method: routing.OrderMethod;
  promiseId: string | null;
}

/** The message id names the fulfilment and its status: a replayed transition is dropped by JetStream. */
export function fulfilmentEvent(
  order: OrderFacts,
  fulfilment: Pick<
    FulfilmentRow,
    'id' | 'location' | 'status' | 'lines' | 'tracking' | 'reason' | 'ship_to'
  >,
): OutboxEvent {
  return outboxEvent(
    EVENT_OF_STATUS[fulfilment.status],
    {
      fulfilmentId: fulfilment.id,
      orderId: order.id,
      channel: order.channel,
      location: fulfilment.location,
      status: fulfilment.status,
      // A ship-to-store leg ships (to the store), whatever the order's method.
      method: fulfilment.ship_to ? 'ship' : order.method,
      ...(fulfilment.ship_to ? { shipTo: fulfilment.ship_to } : {}),
      lines: fulfilment.lines,
      promiseId: order.promiseId,
      tracking: fulfilment.tracking,
      reason: fulfilment.reason,
      at: new Date().toISOString(),
    },
    `fulfilment.${fulfilment.status}:${fulfilment.id}`,
    fulfilment.location,
  );
}

export function orderEvent(
  contract:
    | typeof routing.orderCreated
    | typeof routing.orderRouted
    | typeof routing.orderBackordered
    | typeof routing.orderLinesCancelled
    | typeof routing.orderCancelled,
  view: routing.OrderViewType,
  discriminator: string,
): OutboxEvent {
  return outboxEvent(contract, view, `${contract.subject}:${view.id}:${discriminator}`);
}

/**
 * What one placement announces, on order creation and after a rejection alike: the order
 * routed, backordered or with lines cancelled, and each new fulfilment assigned. The
 * placement number tells a later placement's events from a replay of this one's.
 */
export function placementEvents(
  view: routing.OrderViewType,
  placement: Placement,
  unplaced: Unfillable,
): OutboxEvent[] {
  const discriminator = String(placement.lastPlacement);
  const facts = {
    id: view.id,
    channel: view.channel,
    method: view.method,
    promiseId: view.promiseId,
  };
  return [
    ...(placement.fulfilments.length > 0
      ? [orderEvent(routing.orderRouted, view, discriminator)]
      : []),
    ...(unplaced.backordered.length > 0
      ? [orderEvent(routing.orderBackordered, view, discriminator)]
      : []),
    ...(unplaced.cancelled.length > 0
      ? [orderEvent(routing.orderLinesCancelled, view, discriminator)]
      : []),
    ...placement.fulfilments.map((f) =>
      fulfilmentEvent(facts, {
        ...f,
        status: 'assigned',
        ship_to: f.shipTo ?? null,
        tracking: null,
        reason: null,
      }),
    ),
  ];
}
