import type { EntityManager } from 'typeorm';
import type { MovementStatus, PlannedMovement } from '../inspect/disposition-plan.js';

export interface MovementOutcome {
  status: Exclude<MovementStatus, 'planned'>;
  error?: { code: string; message: string };
}

interface MovementRow {
  id: string;
  kind: PlannedMovement['kind'];
  request: PlannedMovement['request'];
  disposition: PlannedMovement['disposition'];
  follows: string | null;
  status: MovementStatus;
}

/** Every movement an inspection of the return ever planned, in the order it was planned. */
export async function movementsOf(
  manager: EntityManager,
  returnId: string,
): Promise<(PlannedMovement & { status: MovementStatus })[]> {
  const rows: MovementRow[] = await manager.query(
    `SELECT id, kind, request, disposition, follows, status FROM return_movements
     WHERE return_id = $1 ORDER BY generation, seq`,
    [returnId],
  );
  return rows as (PlannedMovement & { status: MovementStatus })[];
}

/** Written in the transaction that plans them, so no unit is planned without a record of it. */
export async function insertPlannedMovements(
  manager: EntityManager,
  returnId: string,
  generation: number,
  movements: readonly PlannedMovement[],
): Promise<void> {
  if (movements.length === 0) return;
  await manager.query(
    `INSERT INTO return_movements (id, return_id, generation, seq, kind, request, disposition, follows, status)
     SELECT id, $1, $2, seq, kind, request, disposition, follows, 'planned'
     FROM jsonb_to_recordset($3::jsonb) AS m(id text, seq int, kind text, request jsonb, disposition jsonb, follows text)`,
    [
      returnId,
      generation,
      JSON.stringify(movements.map((movement, seq) => ({ ...movement, seq }))),
    ],
  );
}

/** What the ledger answered; only a planned movement changes (an outcome is final). */
export async function recordMovementOutcomes(
  manager: EntityManager,
  outcomes: Readonly<Record<string, MovementOutcome>>,
): Promise<void> {
  const entries = Object.entries(outcomes);
  if (entries.length === 0) return;
  await manager.query(
    `UPDATE return_movements m SET status = o.status, error = o.error, updated_at = clock_timestamp()
     FROM jsonb_to_recordset($1::jsonb) AS o(id text, status text, error jsonb)
     WHERE m.id = o.id AND m.status = 'planned'`,
    [JSON.stringify(entries.map(([id, outcome]) => ({ id, ...outcome })))],
  );
}
