import {
  fail,
  ok,
  type ReplyOf,
  type RequestOf,
  type Result,
  type routing,
} from '@omnistock/contracts';
import { runCommand, type ServiceRuntime } from '@omnistock/service-kit';
import type { EntityManager } from 'typeorm';
import type { OrderRow } from '../orders/order-store.js';
import { compartmentFor, parcelSizeOf } from './locker-fit.js';

type Size = routing.ParcelSize;

export function configureLocker(
  runtime: ServiceRuntime,
  request: RequestOf<typeof routing.configureLocker>,
): Promise<Result<ReplyOf<typeof routing.configureLocker>>> {
  return runCommand(runtime.dataSource, async (manager) => {
    for (const compartment of request.compartments)
      await manager.query(
        `INSERT INTO locker_compartments (location, size, count) VALUES ($1, $2, $3)
         ON CONFLICT (location, size) DO UPDATE SET count = EXCLUDED.count`,
        [request.location, compartment.size, compartment.count],
      );
    const rows: { size: Size; count: number; in_use: number }[] = await manager.query(
      `SELECT size, count, in_use FROM locker_compartments WHERE location = $1 ORDER BY size DESC`,
      [request.location],
    );
    return ok({
      location: request.location,
      compartments: rows.map((row) => ({ size: row.size, count: row.count, inUse: row.in_use })),
    });
  });
}

export function setSkuSizes(
  runtime: ServiceRuntime,
  request: RequestOf<typeof routing.setSkuSizes>,
): Promise<Result<{ updated: number }>> {
  return runCommand(runtime.dataSource, async (manager) => {
    await manager.query(
      `INSERT INTO sku_sizes (sku, size) SELECT * FROM unnest($1::text[], $2::text[])
       ON CONFLICT (sku) DO UPDATE SET size = EXCLUDED.size`,
      [request.skus.map((s) => s.sku), request.skus.map((s) => s.size)],
    );
    return ok({ updated: request.skus.length });
  });
}

/**
 * Takes the smallest free compartment the order's parcel fits, inside the order's
 * transaction (locked, so two orders never get the last one). A parcel too large, or a SKU
 * without a size, is refused: the locker cannot take it.
 */
export async function claimCompartment(
  manager: EntityManager,
  location: string,
  skus: readonly string[],
): Promise<Result<Size>> {
  const sized: { sku: string; size: Size }[] = await manager.query(
    'SELECT sku, size FROM sku_sizes WHERE sku = ANY($1)',
    [[...new Set(skus)]],
  );
  const parcel = parcelSizeOf(skus, new Map(sized.map((row) => [row.sku, row.size])));
  if (parcel === undefined)
    return fail('LOCATION_NOT_ALLOWED', `locker ${location} takes only SKUs with a parcel size`, {
      location,
      unsized: skus.filter((sku) => !sized.some((row) => row.sku === sku)),
    });
  const rows: { size: Size; count: number; in_use: number }[] = await manager.query(
    'SELECT size, count, in_use FROM locker_compartments WHERE location = $1 FOR UPDATE',
    [location],
  );
  const size = compartmentFor(
    parcel,
    rows.map((row) => ({ size: row.size, count: row.count, inUse: row.in_use })),
  );
  if (size === undefined)
    return fail(
      'LOCATION_NOT_ALLOWED',
      `no free compartment at ${location} fits a ${parcel} parcel`,
      {
        location,
        parcel,
      },
    );
  await manager.query(
    'UPDATE locker_compartments SET in_use = in_use + 1 WHERE location = $1 AND size = $2',
    [location, size],
  );
  return ok(size);
}

/** Frees the order's compartment once (collected or cancelled); a second call finds none. */
export async function freeCompartment(manager: EntityManager, order: OrderRow): Promise<void> {
  const rows: { locker_size: Size | null }[] = await manager.query(
    'SELECT locker_size FROM orders WHERE id = $1 FOR UPDATE',
    [order.id],
  );
  const size = rows[0]?.locker_size;
  if (!size) return;
  await manager.query('UPDATE orders SET locker_size = NULL WHERE id = $1', [order.id]);
  await giveBackCompartment(manager, order.pickup_location!, size);
}

/** A compartment taken for an order that was then not placed (or is done with it). */
export async function giveBackCompartment(
  manager: EntityManager,
  location: string,
  size: string,
): Promise<void> {
  await manager.query(
    `UPDATE locker_compartments SET in_use = in_use - 1
     WHERE location = $1 AND size = $2 AND in_use > 0`,
    [location, size],
  );
}
