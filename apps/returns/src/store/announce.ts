import { returns, type EventContract, type TSchema } from '@omnistock/contracts';
import { appendToOutbox, outboxEvent } from '@omnistock/messaging';
import type { EntityManager } from 'typeorm';

const EVENT_BY_STATUS: Partial<
  Record<returns.ReturnStatus, EventContract<typeof returns.ReturnView>>
> = {
  authorised: returns.returnAuthorised,
  received: returns.returnReceived,
  inspected: returns.returnInspected,
  closed: returns.returnClosed,
};

/** A return reaches each status once, so the status names the event's message id. */
export async function announceReturn(
  manager: EntityManager,
  view: returns.ReturnViewType,
): Promise<void> {
  const contract = EVENT_BY_STATUS[view.status];
  if (contract)
    await appendToOutbox(manager, [
      outboxEvent(contract, view, `return:${view.id}:${view.status}`),
    ]);
}

export async function announce<P extends TSchema>(
  manager: EntityManager,
  contract: EventContract<P>,
  payload: Parameters<typeof outboxEvent<P>>[1],
  messageId: string,
): Promise<void> {
  await appendToOutbox(manager, [outboxEvent(contract, payload, messageId)]);
}
