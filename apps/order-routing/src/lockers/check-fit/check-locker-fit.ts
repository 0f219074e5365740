import { ok, type ReplyOf, type RequestOf, type Result, type routing } from '@omnistock/contracts';
import type { EntityManager } from 'typeorm';
import { compartmentFor, parcelSizeOf } from '../locker-fit.js';

type Size = routing.ParcelSize;
type Reply = ReplyOf<typeof routing.lockerFit>;

/**
 * The same rule an order meets when it claims a compartment (`claimCompartment`): the
 * parcel is its largest SKU, a SKU without a size never fits, and it takes the smallest
 * free compartment it fits. Pure, so the answer and the claim cannot drift apart.
 */
export function fitOf(
  location: string,
  skus: readonly string[],
  sizes: ReadonlyMap<string, Size>,
  compartments: readonly { size: Size; count: number; inUse: number }[],
): Reply {
  // A location with no compartments configured is not a locker routing knows of.
  if (compartments.length === 0) return { location, fits: false, reason: 'not_a_locker' };
  const parcel = parcelSizeOf(skus, sizes);
  if (parcel === undefined) return { location, fits: false, reason: 'unsized_sku' };
  const compartment = compartmentFor(parcel, compartments);
  if (compartment === undefined)
    return { location, fits: false, parcelSize: parcel, reason: 'no_free_compartment' };
  return { location, fits: true, parcelSize: parcel, compartmentSize: compartment };
}

/** A read without locks: quoting asks often, and the order's own claim is the one that counts. */
export async function checkLockerFit(
  db: Pick<EntityManager, 'query'>,
  request: RequestOf<typeof routing.lockerFit>,
): Promise<Result<Reply>> {
  const skus = [...new Set(request.lines.map((line) => line.sku))];
  const [sized, rows]: [
    { sku: string; size: Size }[],
    { size: Size; count: number; in_use: number }[],
  ] = await Promise.all([
    db.query('SELECT sku, size FROM sku_sizes WHERE sku = ANY($1)', [skus]),
    db.query('SELECT size, count, in_use FROM locker_compartments WHERE location = $1', [
      request.location,
    ]),
  ]);
  return ok(
    fitOf(
      request.location,
      skus,
      new Map(sized.map((row) => [row.sku, row.size])),
      rows.map((row) => ({ size: row.size, count: row.count, inUse: row.in_use })),
    ),
  );
}
