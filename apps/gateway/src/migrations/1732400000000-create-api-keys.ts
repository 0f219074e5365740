import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * API keys, stored as the SHA-256 of the key (the lookup index); the key itself is shown
 * once at creation. Revoking keeps the row, so an audit can still say who a key was.
 */
export class CreateApiKeys1732400000000 implements MigrationInterface {
  name = 'CreateApiKeys1732400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE api_keys (
        id text PRIMARY KEY,
        name text NOT NULL,
        key_sha256 text NOT NULL UNIQUE CHECK (key_sha256 ~ '^[0-9a-f]{64}$'),
        scopes text[] NOT NULL CHECK (cardinality(scopes) >= 1),
        locations text[] CHECK (locations IS NULL OR cardinality(locations) >= 1),
        created_by text,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        revoked_at timestamptz
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE IF EXISTS api_keys');
  }
}
