import { ledger } from '@omnistock/contracts';
import { appendToOutbox, outboxEvent } from '@omnistock/messaging';
import type { EntityManager } from 'typeorm';

const EVENT_BY_STATUS = {
  held: ledger.holdCreated,
  committed: ledger.holdCommitted,
  fulfilled: ledger.holdFulfilled,
  released: ledger.holdReleased,
  expired: ledger.holdExpired,
} as const;

/** A hold reaches each status at most once, so the status names the event's message id. */
export async function announceHold(
  manager: EntityManager,
  view: ledger.HoldViewType,
): Promise<void> {
  const contract = EVENT_BY_STATUS[view.status];
  await appendToOutbox(manager, [outboxEvent(contract, view, `hold:${view.id}:${view.status}`)]);
}

export async function announceHoldMoved(
  manager: EntityManager,
  view: ledger.HoldViewType,
  moveId: string,
): Promise<void> {
  await appendToOutbox(manager, [
    outboxEvent(ledger.holdMoved, view, `hold:${view.id}:moved:${moveId}`),
  ]);
}
