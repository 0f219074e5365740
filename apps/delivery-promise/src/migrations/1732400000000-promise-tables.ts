import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Configuration is versioned (a quote records the versions it used), promises keep their
 * inputs, and outcomes are one row per promise and fulfilment so a redelivered event
 * cannot count twice.
 */
export class PromiseTables1732400000000 implements MigrationInterface {
  name = 'PromiseTables1732400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of [
      `CREATE TABLE carrier_services (
        carrier text NOT NULL,
        level text NOT NULL,
        config jsonb NOT NULL,
        version int NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (carrier, level))`,
      `CREATE TABLE location_calendars (
        location text PRIMARY KEY,
        config jsonb NOT NULL,
        version int NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT clock_timestamp())`,
      `CREATE TABLE promises (
        id text PRIMARY KEY,
        channel text NOT NULL,
        method text NOT NULL,
        carrier text,
        service_level text,
        locations text[] NOT NULL,
        lines jsonb NOT NULL,
        allocations jsonb NOT NULL,
        window_from timestamptz NOT NULL,
        window_to timestamptz NOT NULL,
        cutoff_at timestamptz NOT NULL,
        cutoff_local text NOT NULL,
        quoted_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        view jsonb NOT NULL,
        inputs jsonb NOT NULL,
        resolved_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp())`,
      // The retention sweep's path: quoted, never ordered on, expired.
      'CREATE INDEX promises_unresolved_expiry ON promises (expires_at) WHERE resolved_at IS NULL',
      `CREATE TABLE promise_outcomes (
        promise_id text NOT NULL REFERENCES promises (id),
        fulfilment_id text NOT NULL,
        event text NOT NULL,
        at timestamptz NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('early', 'on_time', 'late')),
        carrier text NOT NULL,
        service_level text NOT NULL,
        location text NOT NULL,
        cutoff text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (promise_id, fulfilment_id))`,
      'CREATE INDEX promise_outcomes_location ON promise_outcomes (location, carrier, service_level)',
    ])
      await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['promise_outcomes', 'promises', 'location_calendars', 'carrier_services'])
      await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
