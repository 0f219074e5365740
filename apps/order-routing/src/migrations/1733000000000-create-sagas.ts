import { createSagaTables } from '@omnistock/service-kit';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every workflow that spans services runs as a saga with a durable record here. Orders
 * placed before keep their replies in command_log; the fulfilment that belongs to an order
 * is looked up by its hold when the ledger reports the hold lost.
 */
export class CreateSagas1733000000000 implements MigrationInterface {
  name = 'CreateSagas1733000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createSagaTables(queryRunner);
    await queryRunner.query('CREATE INDEX fulfilments_by_hold ON fulfilments (hold_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX fulfilments_by_hold');
    await queryRunner.query('DROP TABLE saga_steps');
    await queryRunner.query('DROP TABLE sagas');
  }
}
