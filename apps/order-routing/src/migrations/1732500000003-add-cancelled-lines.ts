import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lines cancelled because nobody could take them (channel rule `unfillable: cancel`), kept
 * apart from `backordered` so they are never routed again and the order can say why.
 */
export class AddCancelledLines1732500000003 implements MigrationInterface {
  name = 'AddCancelledLines1732500000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "ALTER TABLE orders ADD COLUMN cancelled_lines jsonb NOT NULL DEFAULT '[]'",
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE orders DROP COLUMN IF EXISTS cancelled_lines');
  }
}
