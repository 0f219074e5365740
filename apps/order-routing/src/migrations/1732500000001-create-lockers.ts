import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Locker compartments by size, SKU parcel sizes, and which compartment size an order took. */
export class CreateLockers1732500000001 implements MigrationInterface {
  name = 'CreateLockers1732500000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of [
      `CREATE TABLE locker_compartments (
        location text NOT NULL,
        size text NOT NULL CHECK (size IN ('S', 'M', 'L')),
        count integer NOT NULL CHECK (count >= 0),
        in_use integer NOT NULL DEFAULT 0 CHECK (in_use >= 0),
        PRIMARY KEY (location, size)
      )`,
      `CREATE TABLE sku_sizes (
        sku text PRIMARY KEY,
        size text NOT NULL CHECK (size IN ('S', 'M', 'L'))
      )`,
      'ALTER TABLE orders ADD COLUMN locker_size text',
    ])
      await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE orders DROP COLUMN IF EXISTS locker_size');
    for (const table of ['sku_sizes', 'locker_compartments'])
      await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
