import type { EntityManager } from 'typeorm';
import { payloadHash } from './canonical-json.js';

/**
 * Idempotency: each command's caller-supplied key is written in the same transaction as its
 * effect. A key seen before answers `exists` (with the first reply) or
 * `exists_with_different_payload`; only successful commands are logged, so a rejected
 * command leaves no trace and its key stays free.
 */
export const COMMAND_LOG_DDL = `
  CREATE TABLE command_log (
    command_key text PRIMARY KEY,
    payload_hash text NOT NULL,
    reply json NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  )`;

export type PriorCommand =
  | { status: 'new' }
  | { status: 'exists'; reply: unknown }
  | { status: 'exists_with_different_payload' };

export async function findPriorCommand(
  manager: EntityManager,
  key: string,
  payload: unknown,
): Promise<PriorCommand> {
  const rows: { payload_hash: string; reply: unknown }[] = await manager.query(
    'SELECT payload_hash, reply FROM command_log WHERE command_key = $1',
    [key],
  );
  if (rows.length === 0) return { status: 'new' };
  return rows[0].payload_hash === payloadHash(payload)
    ? { status: 'exists', reply: rows[0].reply }
    : { status: 'exists_with_different_payload' };
}

/**
 * Records the reply. Two concurrent first attempts both reach here; the loser's insert
 * conflicts, and the caller rolls back and reads the winner's reply (see `runIdempotent`).
 */
export async function recordCommand(
  manager: EntityManager,
  key: string,
  payload: unknown,
  reply: unknown,
): Promise<void> {
  await manager.query(
    'INSERT INTO command_log (command_key, payload_hash, reply) VALUES ($1, $2, $3)',
    [key, payloadHash(payload), JSON.stringify(reply)],
  );
}
