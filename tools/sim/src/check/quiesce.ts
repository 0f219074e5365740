import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type pg from 'pg';

/**
 * After the faults, the system must come to rest by itself: every saga ended, every outbox
 * drained, every cart hold expired or released (carts live at most CART_TTL_S.max), so the
 * checker reads a world where nothing moves. This bound only ends a wait for something that
 * will not happen; it is several times the longest retry schedule of a saga step (about
 * three minutes) plus a lease (one minute), so a slow machine never trips it. A hold left
 * held past its expiry does not hold the wait up: the checker reports it.
 */
export const QUIESCE_S_MAX = 420;
const POLL_MS = 500;
/** A due hold gets this long for the sweeper (every 250 ms) to expire it before the wait ignores it. */
const DUE_GRACE_S = 3;

export interface Unsettled {
  runningSagas: {
    schema: string;
    id: string;
    kind: string;
    step: string;
    retry_reason: string | null;
  }[];
  pendingOutbox: { schema: string; pending: number }[];
  /** Holds still held and not yet due: a live cart, or one the sweeper will expire (a sample of ids). */
  heldHolds: number;
  heldSample: string[];
  /** Durable consumers with events not yet handled (a count's lost hold not yet re-routed, …). */
  consumersBehind: { consumer: string; pending: number }[];
}

async function consumersBehind(connection: NatsConnection, stream: string) {
  const manager = await jetstreamManager(connection);
  const behind: Unsettled['consumersBehind'] = [];
  for await (const info of manager.consumers.list(stream)) {
    if (!info.config.durable_name) continue;
    const pending = info.num_pending + info.num_ack_pending;
    if (pending > 0) behind.push({ consumer: info.config.durable_name, pending });
  }
  return behind;
}

export async function unsettled(
  db: pg.Client,
  connection: NatsConnection,
  stream: string,
): Promise<Unsettled> {
  const tables: { table_schema: string; table_name: string }[] = (
    await db.query(
      `SELECT table_schema, table_name FROM information_schema.tables
       WHERE table_name IN ('sagas', 'outbox') ORDER BY 1, 2`,
    )
  ).rows;
  const runningSagas: Unsettled['runningSagas'] = [];
  const pendingOutbox: Unsettled['pendingOutbox'] = [];
  for (const { table_schema: schema, table_name: table } of tables) {
    if (table === 'sagas') {
      const rows = await db.query(
        `SELECT id, kind, step, retry_reason FROM "${schema}".sagas WHERE status = 'running' ORDER BY id LIMIT 50`,
      );
      runningSagas.push(...rows.rows.map((row: any) => ({ schema, ...row })));
    } else {
      const [{ pending }] = (
        await db.query(
          `SELECT count(*)::int AS pending FROM "${schema}".outbox WHERE published_at IS NULL`,
        )
      ).rows;
      if (pending > 0) pendingOutbox.push({ schema, pending });
    }
  }
  const held: { id: string }[] = (
    await db.query(
      `SELECT id FROM ledger.holds
       WHERE status = 'held' AND expires_at > clock_timestamp() - make_interval(secs => $1)`,
      [DUE_GRACE_S],
    )
  ).rows;
  return {
    runningSagas,
    pendingOutbox,
    heldHolds: held.length,
    heldSample: held.slice(0, 20).map((row) => row.id),
    consumersBehind: await consumersBehind(connection, stream),
  };
}

export const isSettled = (state: Unsettled) =>
  state.runningSagas.length === 0 &&
  state.pendingOutbox.length === 0 &&
  state.heldHolds === 0 &&
  state.consumersBehind.length === 0;

/** Waits until the system is at rest; answers what was still moving if it never got there. */
export async function waitForRest(
  connect: () => Promise<pg.Client>,
  connection: NatsConnection,
  stream: string,
  bound_s = QUIESCE_S_MAX,
): Promise<{ settled: boolean; waited_s: number; state: Unsettled }> {
  const started_ms = Date.now();
  let state: Unsettled | undefined;
  while (Date.now() - started_ms < bound_s * 1000) {
    try {
      const db = await connect();
      try {
        state = await unsettled(db, connection, stream);
      } finally {
        await db.end();
      }
      if (isSettled(state))
        return { settled: true, waited_s: (Date.now() - started_ms) / 1000, state };
    } catch {
      // Postgres may still be finishing its recovery.
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return {
    settled: false,
    waited_s: (Date.now() - started_ms) / 1000,
    state: state ?? {
      runningSagas: [],
      pendingOutbox: [],
      heldHolds: -1,
      heldSample: [],
      consumersBehind: [],
    },
  };
}
