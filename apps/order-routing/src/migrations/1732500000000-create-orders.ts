import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Orders, their fulfilments (one per location and placement), every routing decision as
 * it was taken (with its inputs, for replays), per-location load per day (capacity), and cycle-count tasks raised by
 * "not on the shelf" rejections. Order status is derived from fulfilments, never stored.
 */
export class CreateOrders1732500000000 implements MigrationInterface {
  name = 'CreateOrders1732500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of [
      `CREATE TABLE orders (
        id text PRIMARY KEY,
        channel text NOT NULL,
        method text NOT NULL CHECK (method IN ('ship', 'pickup')),
        lines jsonb NOT NULL,
        destination jsonb,
        pickup_location text,
        promise_id text,
        reservation_id text,
        backordered jsonb NOT NULL DEFAULT '[]',
        placements integer NOT NULL DEFAULT 0,
        cancelled_at timestamptz,
        cancel_reason text,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`,
      'CREATE INDEX orders_recent ON orders (created_at DESC)',
      `CREATE TABLE fulfilments (
        id text PRIMARY KEY,
        order_id text NOT NULL REFERENCES orders (id),
        placement integer NOT NULL,
        location text NOT NULL,
        status text NOT NULL,
        lines jsonb NOT NULL,
        hold_id text NOT NULL,
        ship_to text,
        tracking text,
        reason text,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        updated_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`,
      'CREATE INDEX fulfilments_of_order ON fulfilments (order_id, created_at)',
      'CREATE INDEX fulfilments_queue ON fulfilments (location, status, created_at)',
      `CREATE TABLE route_decisions (
        order_id text NOT NULL REFERENCES orders (id),
        placement integer NOT NULL,
        decision jsonb NOT NULL,
        inputs jsonb,
        PRIMARY KEY (order_id, placement)
      )`,
      // Outside every order's transaction on purpose: numbers are never handed out twice.
      `CREATE TABLE placement_counters (
        order_id text PRIMARY KEY,
        used integer NOT NULL
      )`,
      `CREATE TABLE location_load (
        location text NOT NULL,
        day date NOT NULL,
        fulfilments integer NOT NULL CHECK (fulfilments >= 0),
        PRIMARY KEY (location, day)
      )`,
      `CREATE TABLE cycle_count_tasks (
        id bigserial PRIMARY KEY,
        location text NOT NULL,
        sku text NOT NULL,
        qty_not_found integer NOT NULL,
        fulfilment_id text NOT NULL,
        reason text NOT NULL,
        status text NOT NULL DEFAULT 'open',
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        UNIQUE (fulfilment_id, sku)
      )`,
      "CREATE INDEX cycle_count_open ON cycle_count_tasks (location, sku) WHERE status = 'open'",
    ])
      await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'placement_counters',
      'cycle_count_tasks',
      'location_load',
      'route_decisions',
      'fulfilments',
      'orders',
    ])
      await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
