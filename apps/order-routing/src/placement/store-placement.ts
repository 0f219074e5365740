import type { routing } from '@omnistock/contracts';
import type { EntityManager } from 'typeorm';
import type { Placement } from './placement.js';

/** Writes a placement's fulfilments and decisions; the caller writes the order row and events. */
export async function storePlacement(
  manager: EntityManager,
  orderId: string,
  placement: Placement,
): Promise<void> {
  for (const fulfilment of placement.fulfilments) {
    await manager.query(
      `INSERT INTO fulfilments (id, order_id, placement, location, status, lines, hold_id, ship_to)
       VALUES ($1, $2, $3, $4, 'assigned', $5, $6, $7)`,
      [
        fulfilment.id,
        orderId,
        fulfilment.placement,
        fulfilment.location,
        JSON.stringify(fulfilment.lines),
        fulfilment.holdId,
        fulfilment.shipTo ?? null,
      ],
    );
  }
  for (const { inputs, ...decision } of placement.decisions) {
    await manager.query(
      'INSERT INTO route_decisions (order_id, placement, decision, inputs) VALUES ($1, $2, $3, $4)',
      [
        orderId,
        decision.placement,
        JSON.stringify(decision),
        inputs ? JSON.stringify(inputs) : null,
      ],
    );
  }
}

/** Sums lines per SKU, so a backorder grown by re-routing stays one line per SKU. */
export function mergeLines(
  ...lists: readonly (readonly routing.OrderLineType[])[]
): routing.OrderLineType[] {
  const merged = new Map<string, number>();
  for (const list of lists)
    for (const line of list) merged.set(line.sku, (merged.get(line.sku) ?? 0) + line.qty);
  return [...merged].map(([sku, qty]) => ({ sku, qty }));
}
