import { COMMAND_LOG_DDL } from '@omnistock/database';
import { INBOX_DDL, OUTBOX_DDL } from '@omnistock/messaging';
import type { QueryRunner } from 'typeorm';
import { SAGA_DDL } from './saga/saga-store.js';

/** The tables every service schema has: the idempotency log, the outbox and the inbox. */
export async function createServicePlumbing(queryRunner: QueryRunner): Promise<void> {
  for (const statement of [COMMAND_LOG_DDL, ...OUTBOX_DDL, ...INBOX_DDL])
    await queryRunner.query(statement);
}

/** The tables of a service that runs sagas: their records and their step history. */
export async function createSagaTables(queryRunner: QueryRunner): Promise<void> {
  for (const statement of SAGA_DDL) await queryRunner.query(statement);
}
