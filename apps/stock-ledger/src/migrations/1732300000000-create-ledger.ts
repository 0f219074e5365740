import { createServicePlumbing } from '@omnistock/service-kit';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ledger schema. Codes and ids are ASCII by contract, so they use the "C" collation:
 * byte order, several times cheaper to sort and compare than a locale's.
 *
 * Invariants the code asserts are also CHECK constraints, so that a bug
 * fails a transaction rather than oversells; ledger entries refuse UPDATE and DELETE.
 *
 * The hot tables (ledger_entries, holds, hold_lines) carry no foreign keys: each key check
 * is a per-row trigger that re-reads the hot position, and in a flash sale that cost more
 * than every other write together. Their rows are only written by code that has just
 * locked the positions and checked the channel; `reconcile` re-checks that every entry and
 * hold line belongs to a position and every open hold line is covered by `reserved`.
 */
export class CreateLedger1732300000000 implements MigrationInterface {
  name = 'CreateLedger1732300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createServicePlumbing(queryRunner);
    const statements = [
      `CREATE TABLE locations (
        code text COLLATE "C" PRIMARY KEY,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('warehouse', 'store', 'locker')),
        lat double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
        lon double precision NOT NULL CHECK (lon BETWEEN -180 AND 180),
        timezone text NOT NULL,
        capabilities text[] NOT NULL DEFAULT '{}',
        daily_capacity integer CHECK (daily_capacity >= 0),
        updated_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`,
      `CREATE TABLE skus (
        sku text COLLATE "C" PRIMARY KEY,
        name text,
        updated_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`,
      `CREATE TABLE channels (
        code text COLLATE "C" PRIMARY KEY,
        locations text[],
        safety_stock integer NOT NULL DEFAULT 0 CHECK (safety_stock >= 0),
        cap_percent integer NOT NULL DEFAULT 100 CHECK (cap_percent BETWEEN 0 AND 100),
        updated_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`,
      `CREATE TABLE positions (
        sku text COLLATE "C" NOT NULL REFERENCES skus (sku),
        location text COLLATE "C" NOT NULL REFERENCES locations (code),
        on_hand integer NOT NULL DEFAULT 0 CHECK (on_hand >= 0),
        reserved integer NOT NULL DEFAULT 0 CHECK (reserved >= 0),
        quarantine integer NOT NULL DEFAULT 0 CHECK (quarantine >= 0),
        in_transit integer NOT NULL DEFAULT 0 CHECK (in_transit >= 0),
        seq bigint NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (sku, location),
        CONSTRAINT never_oversell CHECK (reserved <= on_hand)
      )`,
      `CREATE TABLE ledger_entries (
        id bigserial PRIMARY KEY,
        sku text COLLATE "C" NOT NULL,
        location text COLLATE "C" NOT NULL,
        seq bigint NOT NULL,
        kind text NOT NULL,
        d_on_hand integer NOT NULL,
        d_reserved integer NOT NULL,
        d_quarantine integer NOT NULL,
        d_in_transit integer NOT NULL,
        on_hand integer NOT NULL,
        reserved integer NOT NULL,
        quarantine integer NOT NULL,
        in_transit integer NOT NULL,
        command_id text NOT NULL,
        reference text,
        channel text COLLATE "C",
        actor text,
        reason text,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        UNIQUE (sku, location, seq)
      )`,
      `CREATE FUNCTION ledger_entries_are_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         RAISE EXCEPTION 'ledger entries are immutable (% refused)', TG_OP USING ERRCODE = 'P0001';
       END $$`,
      `CREATE TRIGGER ledger_entries_immutable BEFORE UPDATE OR DELETE ON ledger_entries
       FOR EACH ROW EXECUTE FUNCTION ledger_entries_are_immutable()`,
      `CREATE TRIGGER ledger_entries_no_truncate BEFORE TRUNCATE ON ledger_entries
       FOR EACH STATEMENT EXECUTE FUNCTION ledger_entries_are_immutable()`,
      `CREATE TABLE holds (
        id text COLLATE "C" PRIMARY KEY,
        channel text COLLATE "C" NOT NULL,
        status text NOT NULL CHECK (status IN ('held', 'committed', 'fulfilled', 'released', 'expired')),
        expires_at timestamptz,
        reference text,
        actor text,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CHECK (status <> 'held' OR expires_at IS NOT NULL)
      )`,
      `CREATE INDEX holds_due ON holds (expires_at) WHERE status = 'held'`,
      `CREATE TABLE hold_lines (
        hold_id text COLLATE "C" NOT NULL,
        sku text COLLATE "C" NOT NULL,
        location text COLLATE "C" NOT NULL,
        qty integer NOT NULL CHECK (qty > 0),
        PRIMARY KEY (hold_id, sku, location)
      )`,
      'CREATE INDEX hold_lines_by_position ON hold_lines (sku, location)',
      `CREATE TABLE transfers (
        id text COLLATE "C" PRIMARY KEY,
        from_location text COLLATE "C" NOT NULL REFERENCES locations (code),
        to_location text COLLATE "C" NOT NULL REFERENCES locations (code),
        status text NOT NULL CHECK (status IN ('in_transit', 'received')),
        lines jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        received_at timestamptz
      )`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'transfers',
      'hold_lines',
      'holds',
      'ledger_entries',
      'positions',
      'channels',
      'skus',
      'locations',
      'inbox',
      'outbox',
      'command_log',
    ]) {
      await queryRunner.query(`DROP TABLE IF EXISTS ${table} CASCADE`);
    }
    await queryRunner.query('DROP FUNCTION IF EXISTS ledger_entries_are_immutable()');
  }
}
