import { routing } from '@omnistock/contracts';
import type { Logger } from '@omnistock/observability';
import type { EntityManager } from 'typeorm';
import { PICKUP_CARRIER, PICKUP_LEVEL } from '../quotes/confidence.js';
import { findPromise } from '../quotes/promise-store.js';
import { outcomeOf, type FulfilmentEventKind } from './classify.js';

/** The fulfilment events that measure promises, by the kind they are. */
export const MEASURING_EVENTS: readonly [
  FulfilmentEventKind,
  typeof routing.fulfilmentDelivered,
][] = [
  ['delivered', routing.fulfilmentDelivered],
  ['ready', routing.fulfilmentReady],
  ['collected', routing.fulfilmentCollected],
];

function kindOf(subject: string): FulfilmentEventKind | undefined {
  return MEASURING_EVENTS.find(([, contract]) => subject.startsWith(`${contract.subject}.`))?.[0];
}

/**
 * Runs in the consumer's transaction with the inbox row: one outcome per promise and
 * fulfilment, the first measuring event wins, a redelivery changes nothing. An event
 * that cannot be read is logged and skipped rather than redelivered forever.
 */
export async function recordOutcome(
  manager: EntityManager,
  subject: string,
  payload: unknown,
  logger: Logger,
): Promise<void> {
  const kind = kindOf(subject);
  if (!kind) return;
  const valid = routing.fulfilmentDelivered.payload.validate(payload);
  if (!valid.ok) {
    logger.warn(
      { subject, problems: valid.error.error.details },
      'unreadable fulfilment event skipped',
    );
    return;
  }
  const event = valid.value;
  if (event.promiseId === null) return;
  const row = await findPromise(manager, event.promiseId);
  if (!row) {
    logger.warn({ subject, promiseId: event.promiseId }, 'fulfilment names an unknown promise');
    return;
  }
  const outcome = outcomeOf(kind, row.method, Date.parse(event.at), {
    fromMs: new Date(row.window_from).getTime(),
    toMs: new Date(row.window_to).getTime(),
  });
  if (!outcome) return;
  await manager.query(
    `INSERT INTO promise_outcomes (promise_id, fulfilment_id, event, at, outcome, carrier, service_level, location, cutoff)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (promise_id, fulfilment_id) DO NOTHING`,
    [
      row.id,
      event.fulfilmentId,
      kind,
      event.at,
      outcome,
      row.carrier ?? PICKUP_CARRIER,
      row.service_level ?? PICKUP_LEVEL,
      event.location,
      row.cutoff_local,
    ],
  );
}
