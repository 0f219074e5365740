import type pg from 'pg';

export interface OrderRow {
  id: string;
  channel: string;
  lines: { sku: string; qty: number }[];
  reservation_id: string | null;
  cancelled: boolean;
}

export interface FulfilmentRow {
  id: string;
  order_id: string;
  location: string;
  status: string;
  lines: { sku: string; qty: number }[];
  hold_id: string;
  ship_to: string | null;
}

/** Order routing's tables after the run (empty when the schema is not there). */
export interface RoutingSnapshot {
  orders: Map<string, OrderRow>;
  fulfilments: Map<string, FulfilmentRow>;
  /** Fulfilments by the hold behind them. */
  byHold: Map<string, FulfilmentRow[]>;
}

export async function readRouting(db: pg.Client): Promise<RoutingSnapshot> {
  const orders = await db.query<OrderRow>(
    `SELECT id, channel, lines, reservation_id, cancelled_at IS NOT NULL AS cancelled FROM routing.orders`,
  );
  const fulfilments = await db.query<FulfilmentRow>(
    'SELECT id, order_id, location, status, lines, hold_id, ship_to FROM routing.fulfilments',
  );
  const byHold = new Map<string, FulfilmentRow[]>();
  for (const row of fulfilments.rows) {
    const list = byHold.get(row.hold_id) ?? [];
    list.push(row);
    byHold.set(row.hold_id, list);
  }
  return {
    orders: new Map(orders.rows.map((row) => [row.id, row])),
    fulfilments: new Map(fulfilments.rows.map((row) => [row.id, row])),
    byHold,
  };
}
