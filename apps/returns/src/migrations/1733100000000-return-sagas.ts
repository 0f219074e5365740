import { createSagaTables } from '@omnistock/service-kit';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Returns' workflows become sagas: their records, and every ledger movement an inspection
 * planned, so each unit is disposed of once, ever — whatever became of an earlier attempt.
 */
export class ReturnSagas1733100000000 implements MigrationInterface {
  name = 'ReturnSagas1733100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createSagaTables(queryRunner);
    const statements = [
      `CREATE TABLE return_movements (
        -- The ledger's id for the movement: derived from the inspection, its generation and line.
        id text COLLATE "C" PRIMARY KEY,
        return_id text COLLATE "C" NOT NULL REFERENCES returns (id),
        generation integer NOT NULL,
        seq integer NOT NULL,
        kind text NOT NULL CHECK (kind IN ('restock-return', 'quarantine', 'send-transfer', 'write-off')),
        request jsonb NOT NULL,
        -- Intake movements (customer → shelf or quarantine) carry the unit line they dispose of.
        disposition jsonb,
        -- A follow-on movement (transfer, write-off) runs only after its intake was applied.
        follows text COLLATE "C",
        status text NOT NULL CHECK (status IN ('planned', 'applied', 'refused')),
        error jsonb,
        updated_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`,
      'CREATE INDEX return_movements_by_return ON return_movements (return_id, generation, seq)',
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['return_movements', 'saga_steps', 'sagas'])
      await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
