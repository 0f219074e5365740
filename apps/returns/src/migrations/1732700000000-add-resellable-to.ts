import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A channel may send resellable returns on to one location instead of keeping them where received. */
export class AddResellableTo1732700000000 implements MigrationInterface {
  name = 'AddResellableTo1732700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE return_policies ADD COLUMN resellable_to text COLLATE "C"',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE return_policies DROP COLUMN resellable_to');
  }
}
