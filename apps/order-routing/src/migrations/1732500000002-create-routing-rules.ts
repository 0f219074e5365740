import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Rule changes put live per channel (`*` for every channel without its own), over the defaults in code. */
export class CreateRoutingRules1732500000002 implements MigrationInterface {
  name = 'CreateRoutingRules1732500000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE routing_rules (
      channel text PRIMARY KEY,
      rules jsonb NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT clock_timestamp()
    )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE IF EXISTS routing_rules');
  }
}
