import { COMMAND_LOG_DDL } from '@omnistock/database';
import { INBOX_DDL, OUTBOX_DDL } from '@omnistock/messaging';
import type { QueryRunner } from 'typeorm';

/** The tables every service schema has: the idempotency log, the outbox and the inbox. */
export async function createServicePlumbing(queryRunner: QueryRunner): Promise<void> {
  for (const statement of [COMMAND_LOG_DDL, ...OUTBOX_DDL, ...INBOX_DDL])
    await queryRunner.query(statement);
}
