import { LIMITS } from '@omnistock/contracts';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Holds get an owner and a sequence. `order_id` null means the hold is its channel's cart
 * hold; set, only that order's commands act on it. Holds order routing made before owners
 * existed name their order in `reference` ("order <id>"), so they are given to it.
 * Buckets get an upper bound, so no balance can near 32-bit overflow.
 */
export class HoldOwners1733000000000 implements MigrationInterface {
  name = 'HoldOwners1733000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const max = LIMITS.position_units_max;
    for (const statement of [
      'ALTER TABLE holds ADD COLUMN order_id text COLLATE "C"',
      'ALTER TABLE holds ADD COLUMN seq integer NOT NULL DEFAULT 1 CHECK (seq >= 1)',
      `UPDATE holds SET order_id = substring(reference from '^order (.+)$') WHERE reference LIKE 'order %'`,
      'CREATE INDEX holds_of_order ON holds (order_id) WHERE order_id IS NOT NULL',
      `ALTER TABLE positions ADD CONSTRAINT position_units_max CHECK (
         on_hand <= ${max} AND reserved <= ${max} AND quarantine <= ${max} AND in_transit <= ${max})`,
    ])
      await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE positions DROP CONSTRAINT position_units_max');
    await queryRunner.query('DROP INDEX holds_of_order');
    await queryRunner.query('ALTER TABLE holds DROP COLUMN seq');
    await queryRunner.query('ALTER TABLE holds DROP COLUMN order_id');
  }
}
