import { routing } from '@omnistock/contracts';

type Size = routing.ParcelSize;

/** An order's parcel is as large as its largest SKU; undefined when a SKU has no size. */
export function parcelSizeOf(
  skus: readonly string[],
  sizes: ReadonlyMap<string, Size>,
): Size | undefined {
  let largest = -1;
  for (const sku of skus) {
    const size = sizes.get(sku);
    if (size === undefined) return undefined;
    largest = Math.max(largest, routing.PARCEL_SIZES.indexOf(size));
  }
  return largest < 0 ? undefined : routing.PARCEL_SIZES[largest];
}

/** The smallest free compartment the parcel fits, so large ones stay free for large parcels. */
export function compartmentFor(
  parcel: Size,
  compartments: readonly { size: Size; count: number; inUse: number }[],
): Size | undefined {
  const from = routing.PARCEL_SIZES.indexOf(parcel);
  return routing.PARCEL_SIZES.slice(from).find((size) =>
    compartments.some((c) => c.size === size && c.inUse < c.count),
  );
}
