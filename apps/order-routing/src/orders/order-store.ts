import type { routing } from '@omnistock/contracts';
import type { EntityManager } from 'typeorm';
import { deriveOrderStatus } from './order-status.js';

export interface OrderRow {
  id: string;
  channel: string;
  method: routing.OrderMethod;
  lines: routing.OrderLineType[];
  destination: routing.DestinationType | null;
  pickup_location: string | null;
  promise_id: string | null;
  reservation_id: string | null;
  backordered: routing.OrderLineType[];
  /** Unfillable lines cancelled under the channel's rule; never routed again. */
  cancelled_lines: routing.OrderLineType[];
  placements: number;
  cancelled_at: Date | null;
  cancel_reason: string | null;
  created_at: Date;
}

export interface FulfilmentRow {
  id: string;
  order_id: string;
  placement: number;
  location: string;
  status: routing.FulfilmentStatus;
  lines: routing.OrderLineType[];
  hold_id: string;
  ship_to: string | null;
  tracking: string | null;
  reason: string | null;
  updated_at: Date;
}

export async function loadOrder(
  manager: EntityManager,
  id: string,
  lock = false,
): Promise<OrderRow | undefined> {
  const rows: OrderRow[] = await manager.query(
    `SELECT * FROM orders WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0];
}

export async function loadFulfilments(
  manager: EntityManager,
  orderId: string,
): Promise<FulfilmentRow[]> {
  return manager.query('SELECT * FROM fulfilments WHERE order_id = $1 ORDER BY placement, id', [
    orderId,
  ]);
}

export async function loadFulfilment(
  manager: EntityManager,
  id: string,
  lock = false,
): Promise<FulfilmentRow | undefined> {
  const rows: FulfilmentRow[] = await manager.query(
    `SELECT * FROM fulfilments WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0];
}

export function fulfilmentView(
  row: FulfilmentRow,
  method: routing.OrderMethod,
): routing.FulfilmentViewType {
  return {
    id: row.id,
    orderId: row.order_id,
    location: row.location,
    status: row.status,
    // A ship-to-store leg ships (to the store) whatever the order's method.
    method: row.ship_to ? 'ship' : method,
    lines: row.lines,
    holdId: row.hold_id,
    shipTo: row.ship_to,
    tracking: row.tracking,
    reason: row.reason,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export function unitsOf(lines: readonly routing.OrderLineType[]): number {
  return lines.reduce((sum, line) => sum + line.qty, 0);
}

/** The order as every reply and event shows it, read inside the caller's transaction. */
export async function orderView(
  manager: EntityManager,
  id: string,
): Promise<routing.OrderViewType | undefined> {
  const order = await loadOrder(manager, id);
  if (!order) return undefined;
  const fulfilments = await loadFulfilments(manager, id);
  const decisions: { decision: routing.RouteDecisionType }[] = await manager.query(
    'SELECT decision FROM route_decisions WHERE order_id = $1 ORDER BY placement',
    [id],
  );
  return {
    id: order.id,
    channel: order.channel,
    status: deriveOrderStatus(
      order.cancelled_at !== null,
      fulfilments,
      unitsOf(order.backordered),
      unitsOf(order.cancelled_lines),
    ),
    method: order.method,
    lines: order.lines,
    destination: order.destination,
    pickupLocation: order.pickup_location,
    promiseId: order.promise_id,
    reservationId: order.reservation_id,
    backordered: order.backordered,
    cancelledLines: order.cancelled_lines,
    fulfilments: fulfilments.map((row) => fulfilmentView(row, order.method)),
    route: decisions.map((row) => row.decision),
    cancelReason: order.cancel_reason,
    createdAt: new Date(order.created_at).toISOString(),
  };
}
