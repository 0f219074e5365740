import { createServicePlumbing } from '@omnistock/service-kit';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The gateway schema starts with the plumbing every service has: command log, outbox, inbox. */
export class CreateGateway1732300000000 implements MigrationInterface {
  name = 'CreateGateway1732300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createServicePlumbing(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['inbox', 'outbox', 'command_log'])
      await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
