import type { DataSource, EntityManager } from 'typeorm';

/**
 * A saga's durable record, one row per workflow id, and its history, one row per step
 * taken. Every service that runs sagas has both tables in its own schema.
 */
export const SAGA_DDL = [
  `CREATE TABLE sagas (
    id text PRIMARY KEY,
    kind text NOT NULL,
    generation integer NOT NULL DEFAULT 1,
    payload_hash text NOT NULL,
    input jsonb NOT NULL,
    state jsonb NOT NULL,
    step text NOT NULL,
    status text NOT NULL CHECK (status IN ('running', 'done', 'failed')),
    result jsonb,
    error jsonb,
    attempts integer NOT NULL DEFAULT 0,
    -- Why the current step is waiting to run again, for whoever looks at a slow saga.
    retry_reason text,
    steps_taken integer NOT NULL DEFAULT 0,
    version integer NOT NULL DEFAULT 0,
    next_run_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    lease_owner text,
    lease_until timestamptz,
    created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    updated_at timestamptz NOT NULL DEFAULT clock_timestamp()
  )`,
  `CREATE INDEX sagas_due ON sagas (next_run_at) WHERE status = 'running'`,
  `CREATE TABLE saga_steps (
    saga_id text NOT NULL,
    generation integer NOT NULL,
    seq integer NOT NULL,
    step text NOT NULL,
    outcome text NOT NULL,
    detail jsonb,
    at timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (saga_id, generation, seq)
  )`,
];

export type SagaStatus = 'running' | 'done' | 'failed';

export interface SagaRow {
  id: string;
  kind: string;
  generation: number;
  payload_hash: string;
  input: unknown;
  state: unknown;
  step: string;
  status: SagaStatus;
  result: unknown;
  error: { code: string; message: string; details?: unknown } | null;
  attempts: number;
  steps_taken: number;
  version: number;
}

const COLUMNS = `id, kind, generation, payload_hash, input, state, step, status, result, error,
  attempts, steps_taken, version`;

/** Inserts a new saga; answers the row as it is when the id was taken before. */
export async function insertSaga(
  manager: EntityManager,
  saga: {
    id: string;
    kind: string;
    payloadHash: string;
    input: unknown;
    state: unknown;
    step: string;
  },
): Promise<{ created: boolean; row: SagaRow }> {
  const [inserted]: SagaRow[] = await manager.query(
    `INSERT INTO sagas (id, kind, payload_hash, input, state, step, status)
     VALUES ($1, $2, $3, $4, $5, $6, 'running') ON CONFLICT (id) DO NOTHING RETURNING ${COLUMNS}`,
    [
      saga.id,
      saga.kind,
      saga.payloadHash,
      JSON.stringify(saga.input),
      JSON.stringify(saga.state),
      saga.step,
    ],
  );
  if (inserted) return { created: true, row: inserted };
  return { created: false, row: (await readSaga(manager, saga.id))! };
}

/** A failed saga asked again starts over: next generation, new input, first step. */
export async function restartSaga(
  manager: EntityManager,
  row: SagaRow,
  saga: { payloadHash: string; input: unknown; state: unknown; step: string },
): Promise<SagaRow | undefined> {
  const [[restarted]]: SagaRow[][] = await manager.query(
    `UPDATE sagas SET generation = generation + 1, payload_hash = $3, input = $4, state = $5,
       step = $6, status = 'running', result = NULL, error = NULL, attempts = 0, steps_taken = 0,
       version = version + 1, next_run_at = clock_timestamp(), lease_owner = NULL,
       lease_until = NULL, updated_at = clock_timestamp()
     WHERE id = $1 AND version = $2 AND status = 'failed' RETURNING ${COLUMNS}`,
    [
      row.id,
      row.version,
      saga.payloadHash,
      JSON.stringify(saga.input),
      JSON.stringify(saga.state),
      saga.step,
    ],
  );
  return restarted;
}

export async function readSaga(
  manager: EntityManager | DataSource,
  id: string,
): Promise<SagaRow | undefined> {
  const [row]: SagaRow[] = await manager.query(`SELECT ${COLUMNS} FROM sagas WHERE id = $1`, [id]);
  return row;
}

/**
 * Takes the saga for one driver while it is due and nobody else holds it (or the holder's
 * lease ran out: it died). Answers undefined when it is finished, waiting or taken.
 */
export async function claimSaga(
  dataSource: DataSource,
  id: string,
  owner: string,
  lease_ms: number,
): Promise<SagaRow | undefined> {
  const [[row]]: SagaRow[][] = await dataSource.query(
    `UPDATE sagas SET lease_owner = $2, lease_until = clock_timestamp() + make_interval(secs => $3)
     WHERE id = $1 AND status = 'running' AND next_run_at <= clock_timestamp()
       AND (lease_until IS NULL OR lease_until < clock_timestamp() OR lease_owner = $2)
     RETURNING ${COLUMNS}`,
    [id, owner, lease_ms / 1000],
  );
  return row;
}

/** Locks the saga for a local step, as long as it is still the version this driver claimed. */
export async function lockClaimed(
  manager: EntityManager,
  id: string,
  version: number,
): Promise<boolean> {
  const rows: unknown[] = await manager.query(
    'SELECT 1 FROM sagas WHERE id = $1 AND version = $2 FOR UPDATE',
    [id, version],
  );
  return rows.length === 1;
}

export interface SagaProgress {
  step: string;
  status: SagaStatus;
  state: unknown;
  result?: unknown;
  error?: unknown;
  attempts: number;
  /** Delay before the saga is due again; 0 runs it at once. */
  delay_ms: number;
  /** Keeps the lease (the driver goes on with the next step) or lets it go. */
  keepLease: boolean;
  stepsTaken: number;
  retryReason?: string;
}

/**
 * Writes a step's outcome, with a line of history unless it is a retry, in one statement,
 * guarded by the version the driver claimed: a driver whose lease ran out while its step
 * ran finds the saga moved on and its outcome is dropped (its effects were idempotent, and
 * the newer driver repeats or already repeated them). Answers the saga as it now is, so a
 * driver going on to the next step needs no second look; a kept lease is renewed.
 */
export async function saveProgress(
  manager: EntityManager,
  row: SagaRow,
  progress: SagaProgress,
  history: { step: string; outcome: string; detail: unknown } | undefined,
  lease_ms: number,
): Promise<SagaRow | undefined> {
  const [saved]: SagaRow[] = await manager.query(
    `WITH saved AS (
       UPDATE sagas SET step = $3, status = $4, state = $5, result = COALESCE($6, result),
         error = $7, attempts = $8, next_run_at = clock_timestamp() + make_interval(secs => $9),
         steps_taken = $10, retry_reason = $12, version = version + 1, updated_at = clock_timestamp(),
         lease_owner = CASE WHEN $11 THEN lease_owner END,
         lease_until = CASE WHEN $11 THEN clock_timestamp() + make_interval(secs => $13) END
       WHERE id = $1 AND version = $2 RETURNING ${COLUMNS}),
     logged AS (
       INSERT INTO saga_steps (saga_id, generation, seq, step, outcome, detail)
       SELECT id, generation, $10, $14, $15, $16 FROM saved WHERE $14::text IS NOT NULL
       RETURNING 1)
     SELECT * FROM saved`,
    [
      row.id,
      row.version,
      progress.step,
      progress.status,
      JSON.stringify(progress.state),
      progress.result === undefined ? null : JSON.stringify(progress.result),
      progress.error === undefined ? null : JSON.stringify(progress.error),
      progress.attempts,
      progress.delay_ms / 1000,
      progress.stepsTaken,
      progress.keepLease,
      progress.retryReason ?? null,
      lease_ms / 1000,
      history?.step ?? null,
      history?.outcome ?? null,
      JSON.stringify(history?.detail ?? null),
    ],
  );
  return saved;
}

/** Sagas due now that no live driver holds, oldest first. */
export async function dueSagas(dataSource: DataSource, limit: number): Promise<string[]> {
  const rows: { id: string }[] = await dataSource.query(
    `SELECT id FROM sagas
     WHERE status = 'running' AND next_run_at <= clock_timestamp()
       AND (lease_until IS NULL OR lease_until < clock_timestamp())
     ORDER BY next_run_at LIMIT $1`,
    [limit],
  );
  return rows.map((row) => row.id);
}

/** A driver stopping cleanly hands its sagas over at once, instead of after its lease. */
export async function releaseLeases(dataSource: DataSource, ownerPrefix: string): Promise<void> {
  await dataSource.query(
    `UPDATE sagas SET lease_owner = NULL, lease_until = NULL
     WHERE status = 'running' AND starts_with(lease_owner, $1)`,
    [ownerPrefix],
  );
}
