import { createHash } from 'node:crypto';

/**
 * Ids this service gives its ledger movements, exchange hold and exchange order, derived
 * from the return id so that a retried step lands on the same id — the ledger then
 * replays instead of moving stock twice. Hashed to fit the order id's shorter pattern.
 */
export function returnTag(returnId: string): string {
  return createHash('sha256').update(returnId).digest('hex').slice(0, 24);
}

export const ledgerMovementId = (returnId: string, step: string) =>
  `ret-${returnTag(returnId)}-${step}`;
export const exchangeHoldId = (returnId: string) => `ret-${returnTag(returnId)}-exchange`;
export const exchangeOrderId = (returnId: string) => `x-${returnTag(returnId)}`;
export const returnReference = (returnId: string) => `return:${returnId}`;
