import { WriteBatch } from '@omnistock/database';
import type { EntityManager } from 'typeorm';
import type { EventContract, Static, TSchema } from '@omnistock/contracts';

/**
 * Events leave only through this table, written in the same transaction as the change
 * they announce; the relay carries them to JetStream at least once, and JetStream drops
 * repeats by message id.
 */
export const OUTBOX_DDL = [
  `CREATE TABLE outbox (
    id bigserial PRIMARY KEY,
    message_id text NOT NULL UNIQUE,
    subject text NOT NULL,
    payload jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    published_at timestamptz
  )`,
  'CREATE INDEX outbox_pending ON outbox (id) WHERE published_at IS NULL',
];

export interface OutboxEvent {
  subject: string;
  messageId: string;
  payload: unknown;
}

export function outboxEvent<P extends TSchema>(
  contract: EventContract<P>,
  payload: Static<P>,
  messageId: string,
  location?: string,
): OutboxEvent {
  return { subject: contract.subjectFor(location), messageId, payload };
}

/** Appends events in one statement; a message id already present is a replay and is skipped. */
export async function appendToOutbox(
  manager: EntityManager,
  events: readonly OutboxEvent[],
): Promise<void> {
  const batch = new WriteBatch();
  addToOutbox(batch, events);
  await batch.run(manager);
}

/** Adds the events to a write batch, so they leave in the same statement as the change they announce. */
export function addToOutbox(batch: WriteBatch, events: readonly OutboxEvent[]): void {
  if (events.length === 0) return;
  const p = (value: unknown) => batch.param(value);
  batch.add(
    `INSERT INTO outbox (message_id, subject, payload)
     SELECT * FROM unnest(${p(events.map((e) => e.messageId))}::text[], ${p(events.map((e) => e.subject))}::text[],
       ${p(events.map((e) => JSON.stringify(e.payload)))}::jsonb[])
     ON CONFLICT (message_id) DO NOTHING RETURNING 1`,
  );
}
