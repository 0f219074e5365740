import { createHash } from 'node:crypto';

/**
 * The exchange order's id derives from the return id, so every step and every replica
 * names the same order (and the hold made for it); hashed to fit the order id's shorter
 * pattern. Ledger movements and holds take their ids from the saga that makes them.
 */
export function returnTag(returnId: string): string {
  return createHash('sha256').update(returnId).digest('hex').slice(0, 24);
}

export const exchangeOrderId = (returnId: string) => `x-${returnTag(returnId)}`;
export const returnReference = (returnId: string) => `return:${returnId}`;
