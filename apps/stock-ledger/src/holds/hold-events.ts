import { ledger } from '@omnistock/contracts';
import { outboxEvent, type OutboxEvent } from '@omnistock/messaging';

const EVENT_BY_STATUS = {
  held: ledger.holdCreated,
  committed: ledger.holdCommitted,
  fulfilled: ledger.holdFulfilled,
  released: ledger.holdReleased,
  expired: ledger.holdExpired,
} as const;

/** The hold's own sequence names the message: one id per change, in the order they happened. */
const messageId = (view: ledger.HoldViewType) => `hold:${view.id}:${view.seq}`;

/** The event announcing the status the hold just reached. */
export function holdStatusEvent(view: ledger.HoldViewType): OutboxEvent {
  return outboxEvent(EVENT_BY_STATUS[view.status], view, messageId(view));
}

export function holdMovedEvent(view: ledger.HoldViewType): OutboxEvent {
  return outboxEvent(ledger.holdMoved, view, messageId(view));
}

/** An order's hold the ledger released itself: routing must place those lines again. */
export function holdLostEvent(view: ledger.HoldViewType, countId: string): OutboxEvent {
  return outboxEvent(
    ledger.holdLost,
    { hold: view, cause: 'count_shortfall', countId },
    `${messageId(view)}:lost`,
  );
}
