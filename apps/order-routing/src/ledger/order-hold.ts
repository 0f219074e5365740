import { fail, type DomainError, type Result } from '@omnistock/contracts';

/** Calls to other services go through service-kit's one `callService`. */
export { callService } from '@omnistock/service-kit';

/** How long an order's hold lives before acceptance: the ledger's longest, so a slow store never loses it. */
export const ORDER_HOLD_TTL_S = 7 * 24 * 3600;

export function failWith<T>(error: DomainError): Result<T> {
  return fail(error.code, error.message, error.details);
}
