import type pg from 'pg';
import type { LedgerSnapshot } from './ledger-snapshot.js';
import type { StreamMessage } from './stream-reader.js';
import type { Violation } from './violation.js';

const HOLD_EVENT_BY_STATUS: Record<string, string> = {
  held: 'omnistock.evt.hold.created',
  committed: 'omnistock.evt.hold.committed',
  fulfilled: 'omnistock.evt.hold.fulfilled',
  released: 'omnistock.evt.hold.released',
  expired: 'omnistock.evt.hold.expired',
};

export interface EventFigures {
  streamMessages: number;
  outboxRows: number;
  outboxSchemas: string[];
  /** The stream's own account of itself, against which the read is judged complete. */
  stream?: { messages: number; first_seq: number; last_seq: number };
}

export interface OutboxRow {
  schema: string;
  message_id: string;
  subject: string;
  published: boolean;
}

export interface Outboxes {
  schemas: string[];
  rows: OutboxRow[];
}

/** Every service's outbox, in the caller's transaction. */
export async function readOutboxes(db: pg.Client): Promise<Outboxes> {
  const schemas: string[] = (
    await db.query(
      `SELECT table_schema FROM information_schema.tables WHERE table_name = 'outbox' ORDER BY 1`,
    )
  ).rows.map((row: { table_schema: string }) => row.table_schema);
  const rows: OutboxRow[] = [];
  for (const schema of schemas) {
    const result = await db.query<OutboxRow>(
      `SELECT $1::text AS schema, message_id, subject, published_at IS NOT NULL AS published
       FROM "${schema}".outbox`,
      [schema],
    );
    rows.push(...result.rows);
  }
  return { schemas, rows };
}

/**
 * Every committed change's event is in JetStream, once: each outbox row (written in the
 * change's transaction) is published and in the stream exactly once by message id; and,
 * from the ledger's own rows rather than the outbox, each hold's latest status and each
 * position's latest balance have their event.
 */
export function checkEvents(
  outboxes: Outboxes,
  messages: StreamMessage[],
  ledger: LedgerSnapshot,
): { violations: Violation[]; figures: EventFigures } {
  const violations: Violation[] = [];
  const byId = new Map<string, StreamMessage[]>();
  for (const message of messages) {
    if (!message.messageId) {
      violations.push({
        check: 'event-without-id',
        message: `stream message ${message.seq} on ${message.subject} has no message id`,
      });
      continue;
    }
    const list = byId.get(message.messageId) ?? [];
    list.push(message);
    byId.set(message.messageId, list);
  }
  for (const [messageId, copies] of byId) {
    if (copies.length > 1)
      violations.push({
        check: 'event-duplicated',
        message: `event ${messageId} is in the stream ${copies.length} times`,
        details: { seqs: copies.map((c) => c.seq), subject: copies[0]!.subject },
      });
  }

  for (const row of outboxes.rows) {
    if (!row.published)
      violations.push({
        check: 'event-not-published',
        message: `${row.schema} outbox event ${row.message_id} (${row.subject}) never left the outbox`,
      });
    else if (!byId.has(row.message_id))
      violations.push({
        check: 'event-lost',
        message: `${row.schema} outbox event ${row.message_id} (${row.subject}) is marked published but is not in the stream`,
      });
  }

  const holdEvents = new Map<string, Set<string>>();
  for (const message of messages) {
    if (!message.subject.startsWith('omnistock.evt.hold.')) continue;
    const id = message.payload?.id ?? message.payload?.hold?.id;
    if (typeof id !== 'string') continue;
    const subjects = holdEvents.get(id) ?? new Set();
    subjects.add(message.subject);
    holdEvents.set(id, subjects);
  }
  for (const hold of ledger.holds.values()) {
    const subject = HOLD_EVENT_BY_STATUS[hold.status]!;
    if (!holdEvents.get(hold.id)?.has(subject))
      violations.push({
        check: 'event-lost',
        message: `hold ${hold.id} is ${hold.status} but the stream has no ${subject} for it`,
      });
  }
  for (const position of ledger.positions) {
    if (position.seq === 0) continue;
    const messageId = `stock:${position.sku}:${position.location}:${position.seq}`;
    if (!byId.has(messageId))
      violations.push({
        check: 'event-lost',
        message: `position ${position.sku}@${position.location} is at seq ${position.seq} but the stream has no ${messageId}`,
      });
  }
  return {
    violations,
    figures: {
      streamMessages: messages.length,
      outboxRows: outboxes.rows.length,
      outboxSchemas: outboxes.schemas,
    },
  };
}
