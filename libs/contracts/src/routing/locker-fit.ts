import { Type } from '@sinclair/typebox';
import { defineRequest, LocationCode, strict } from '../schema.js';
import { ParcelSize } from './lockers.js';
import { OrderLines } from './orders.js';

/** Why lines would not go to a locker: stable codes a caller may branch on. */
export const LOCKER_FIT_REASONS = ['not_a_locker', 'unsized_sku', 'no_free_compartment'] as const;
export type LockerFitReason = (typeof LOCKER_FIT_REASONS)[number];

/**
 * Would these lines fit a free compartment of the locker right now? A read for quoting:
 * nothing is claimed, so the answer can be stale by the time an order comes (the order
 * claims the compartment itself, and is refused then if another parcel took it).
 */
export const lockerFit = defineRequest({
  subject: 'omnistock.v1.routing.locker-fit',
  summary:
    'Whether lines would fit a free compartment of a locker now, and which size; claims nothing.',
  request: Type.Object({ location: LocationCode, lines: OrderLines }, strict),
  reply: Type.Object({
    location: LocationCode,
    fits: Type.Boolean(),
    /** The parcel's size class, once every SKU has one. */
    parcelSize: Type.Optional(ParcelSize),
    /** The compartment an order would take now (the smallest free one the parcel fits). */
    compartmentSize: Type.Optional(ParcelSize),
    reason: Type.Optional(Type.Union(LOCKER_FIT_REASONS.map((reason) => Type.Literal(reason)))),
  }),
});
