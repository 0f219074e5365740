import type { EntityManager } from 'typeorm';

/** Idempotent consumers record each message id they applied, in the same transaction as the effect. */
export const INBOX_DDL = [
  `CREATE TABLE inbox (
    consumer text NOT NULL,
    message_id text NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (consumer, message_id)
  )`,
];

/** True when the message is new to this consumer; false means a redelivery to skip. */
export async function claimInboxMessage(
  manager: EntityManager,
  consumer: string,
  messageId: string,
): Promise<boolean> {
  const rows: unknown[] = await manager.query(
    `INSERT INTO inbox (consumer, message_id) VALUES ($1, $2)
     ON CONFLICT (consumer, message_id) DO NOTHING RETURNING 1`,
    [consumer, messageId],
  );
  return rows.length === 1;
}
