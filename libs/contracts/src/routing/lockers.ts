import { Type } from '@sinclair/typebox';
import { LIMITS } from '../limits.js';
import { Count, defineRequest, LocationCode, Sku, strict } from '../schema.js';

/** Compartment and parcel sizes, smallest first: a parcel fits any compartment at least its size. */
export const PARCEL_SIZES = ['S', 'M', 'L'] as const;
export type ParcelSize = (typeof PARCEL_SIZES)[number];
export const ParcelSize = Type.Union(PARCEL_SIZES.map((size) => Type.Literal(size)));

const Compartments = Type.Array(Type.Object({ size: ParcelSize, count: Count }, strict), {
  minItems: 1,
  maxItems: PARCEL_SIZES.length,
});

export const configureLocker = defineRequest({
  subject: 'omnistock.v1.routing.locker-configure',
  summary:
    'Set a locker`s compartments per size (how many exist). Compartments in use stay in use; a locker takes only orders that fit a free one.',
  request: Type.Object({ location: LocationCode, compartments: Compartments }, strict),
  reply: Type.Object({
    location: LocationCode,
    compartments: Type.Array(Type.Object({ size: ParcelSize, count: Count, inUse: Count })),
  }),
});

/**
 * The parcel size of each SKU, which only locker routing needs today (so it lives with
 * routing); an order's parcel is as large as its largest SKU, and a SKU without a size
 * never goes to a locker.
 */
export const setSkuSizes = defineRequest({
  subject: 'omnistock.v1.routing.sku-sizes-set',
  summary: 'Set the parcel size class of SKUs in bulk (for lockers).',
  request: Type.Object(
    {
      skus: Type.Array(Type.Object({ sku: Sku, size: ParcelSize }, strict), {
        minItems: 1,
        maxItems: LIMITS.bulk_items_max,
      }),
    },
    strict,
  ),
  reply: Type.Object({ updated: Count }),
});
