import { ledger, ok, routing, type Result } from '@omnistock/contracts';
import { appendToOutbox } from '@omnistock/messaging';
import { callService, type ServiceRuntime } from '@omnistock/service-kit';
import type { EntityManager } from 'typeorm';
import { fulfilmentEvent, orderEvent } from '../../events/routing-events.js';
import { ORDER_HOLD_TTL_S } from '../../ledger/order-hold.js';
import { orderView, type FulfilmentRow, type OrderRow } from '../../orders/order-store.js';
import { RACE_CODES } from '../../placement/place-lines.js';
import { mergeLines } from '../../placement/store-placement.js';

/** The leg's units leave the warehouse for the store: its hold gives way to a transfer. */
export async function sendToStore(
  runtime: ServiceRuntime,
  fulfilment: FulfilmentRow,
  actor?: string,
): Promise<Result<void>> {
  const ref = { id: fulfilment.hold_id, ...(actor ? { actor } : {}) };
  // The ledger sends only unheld units, so the hold is released first; both are idempotent.
  const released = await callService(runtime, ledger.release, ref);
  if (!released.ok) return released;
  const sent = await callService(runtime, ledger.sendTransfer, {
    id: fulfilment.id,
    from: fulfilment.location,
    to: fulfilment.ship_to!,
    lines: fulfilment.lines,
    ...(actor ? { actor } : {}),
  });
  return sent.ok ? ok(undefined) : sent;
}

/**
 * The units arrived at the store: the transfer is received, and a pickup fulfilment at the
 * store holds them for the customer (its hold id is derived from the leg, so a retried
 * delivery finds it). If the order was cancelled meanwhile they simply join the shelf; if
 * another sale took them first, the lines are backordered.
 */
export async function arriveAtStore(
  runtime: ServiceRuntime,
  manager: EntityManager,
  order: OrderRow,
  fulfilment: FulfilmentRow,
  actor?: string,
): Promise<Result<void>> {
  const received = await callService(runtime, ledger.receiveTransfer, {
    id: fulfilment.id,
    ...(actor ? { actor } : {}),
  });
  if (!received.ok) return received;
  if (order.cancelled_at !== null) return ok(undefined);
  const store = fulfilment.ship_to!;
  const id = `${fulfilment.id}:in`;
  const hold = await callService(runtime, ledger.reserve, {
    id,
    channel: order.channel,
    lines: fulfilment.lines.map((line) => ({ ...line, location: store })),
    ttlSeconds: ORDER_HOLD_TTL_S,
    reference: `order ${order.id}`,
  });
  if (!hold.ok && !RACE_CODES.has(hold.error.code)) return hold;
  if (!hold.ok) {
    await manager.query('UPDATE orders SET backordered = $2 WHERE id = $1', [
      order.id,
      JSON.stringify(mergeLines(order.backordered, fulfilment.lines)),
    ]);
    const view = (await orderView(manager, order.id))!;
    await appendToOutbox(manager, [orderEvent(routing.orderBackordered, view, id)]);
    return ok(undefined);
  }
  const inserted: FulfilmentRow[] = await manager.query(
    `INSERT INTO fulfilments (id, order_id, placement, location, status, lines, hold_id)
     VALUES ($1, $2, $3, $4, 'assigned', $5, $1) RETURNING *`,
    [id, order.id, fulfilment.placement, store, JSON.stringify(fulfilment.lines)],
  );
  await appendToOutbox(manager, [
    fulfilmentEvent(
      { id: order.id, channel: order.channel, method: order.method, promiseId: order.promise_id },
      inserted[0]!,
    ),
  ]);
  return ok(undefined);
}
