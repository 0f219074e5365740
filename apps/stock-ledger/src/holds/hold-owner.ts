import { fail, ok, type ledger, type Result } from '@omnistock/contracts';
import type { HoldRecord } from './hold-store.js';

type Hold = Pick<HoldRecord, 'id' | 'channel' | 'orderId'>;

/**
 * Is this hold visible to the principal at all? A caller narrowed to channels sees nothing
 * of another channel's holds: the same answer as for an id nobody used, so ids do not leak.
 */
export function checkVisible(
  hold: Hold,
  principal: ledger.HoldPrincipalType | undefined,
): Result<void> {
  if (
    principal?.kind === 'cart' &&
    principal.channels &&
    !principal.channels.includes(hold.channel)
  )
    return fail('HOLD_NOT_FOUND', `no hold ${hold.id}`);
  return ok(undefined);
}

/**
 * Only the owner acts on a hold: its channel's carts while no order has it, then that order
 * alone. Anyone else is refused with a typed 409 and nothing changes — a storefront cannot
 * give an order's units away, and one order cannot take another's.
 */
export function checkOwner(hold: Hold, principal: ledger.HoldPrincipalType): Result<void> {
  const visible = checkVisible(hold, principal);
  if (!visible.ok) return visible;
  if (principal.kind === 'cart') {
    if (hold.orderId === null) return ok(undefined);
    return fail(
      'HOLD_OWNED_BY_ORDER',
      `hold ${hold.id} belongs to an order now; cancel or change the order instead`,
      { orderId: hold.orderId },
    );
  }
  if (hold.orderId === principal.orderId) return ok(undefined);
  if (hold.orderId === null)
    return fail(
      'HOLD_OWNED_BY_CART',
      `hold ${hold.id} is a cart hold; order ${principal.orderId} must adopt it (commit) first`,
    );
  return fail('HOLD_OWNED_BY_ORDER', `hold ${hold.id} belongs to another order`, {
    orderId: hold.orderId,
  });
}

/**
 * Adoption: an order takes a cart hold of its own channel, or commits a hold made for it.
 * Another channel's cart hold is not found (an order sees only its own channel's carts).
 */
export function checkAdoption(
  hold: Hold,
  request: { orderId: string; channel: string },
): Result<void> {
  if (hold.orderId === null)
    return hold.channel === request.channel
      ? ok(undefined)
      : fail('HOLD_NOT_FOUND', `no hold ${hold.id} in channel ${request.channel}`);
  return checkOwner(hold, { kind: 'order', orderId: request.orderId });
}
