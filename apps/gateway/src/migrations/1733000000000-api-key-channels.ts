import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A key may be bound to channels: it then sees, holds and orders only for them. */
export class ApiKeyChannels1733000000000 implements MigrationInterface {
  name = 'ApiKeyChannels1733000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE api_keys ADD COLUMN channels text[] CHECK (channels IS NULL OR cardinality(channels) >= 1)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE api_keys DROP COLUMN channels');
  }
}
