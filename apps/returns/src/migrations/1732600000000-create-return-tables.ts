import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Returns, their history and the window policies per channel. */
export class CreateReturnTables1732600000000 implements MigrationInterface {
  name = 'CreateReturnTables1732600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE returns (
        id text COLLATE "C" PRIMARY KEY,
        order_id text COLLATE "C" NOT NULL,
        channel text COLLATE "C" NOT NULL,
        status text NOT NULL CHECK (status IN ('authorised', 'received', 'inspected', 'closed', 'cancelled', 'expired')),
        lines jsonb NOT NULL,
        receive_by timestamptz NOT NULL,
        location text COLLATE "C",
        received jsonb NOT NULL DEFAULT '[]',
        dispositions jsonb NOT NULL DEFAULT '[]',
        exchange jsonb,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        updated_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`,
      'CREATE INDEX returns_by_order ON returns (order_id)',
      `CREATE INDEX returns_due ON returns (receive_by) WHERE status = 'authorised'`,
      `CREATE TABLE return_transitions (
        return_id text COLLATE "C" NOT NULL REFERENCES returns (id),
        from_status text,
        to_status text NOT NULL,
        actor text,
        at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`,
      'CREATE INDEX return_transitions_by_return ON return_transitions (return_id, at)',
      `CREATE TABLE return_policies (
        channel text COLLATE "C" PRIMARY KEY,
        window_days integer NOT NULL CHECK (window_days BETWEEN 0 AND 365),
        receive_within_days integer NOT NULL CHECK (receive_within_days BETWEEN 1 AND 90),
        updated_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['return_transitions', 'returns', 'return_policies']) {
      await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
