import { fail, ok, type ledger, type Result } from '@omnistock/contracts';
import type { EntityManager } from 'typeorm';

export interface HoldRecord {
  id: string;
  channel: string;
  status: ledger.HoldStatus;
  expiresAt: Date | null;
  reference: string | null;
  /** The owning order; null while the hold is its channel's cart hold. */
  orderId: string | null;
  /** The hold's own sequence: 1 when placed, one more for every change since. */
  seq: number;
  /** The database clock says the hold's time is up, whether or not the sweeper got to it yet. */
  due: boolean;
  lines: ledger.HoldLineType[];
}

const HOLD_COLUMNS = 'id, channel, status, expires_at, reference, order_id, seq';

/** Locks the hold row: every command on one hold is serialized, and the expiry sweeper skips it meanwhile. */
export async function lockHold(manager: EntityManager, id: string): Promise<Result<HoldRecord>> {
  const [row] = await manager.query(
    `SELECT ${HOLD_COLUMNS}, (status = 'held' AND expires_at <= clock_timestamp()) AS due
     FROM holds WHERE id = $1 FOR UPDATE`,
    [id],
  );
  if (!row) return fail('HOLD_NOT_FOUND', `no hold ${id}`);
  return ok({
    ...fromRow(row),
    lines: await loadLines(manager, [id]).then((lines) => lines.get(id) ?? []),
  });
}

export async function readHold(manager: EntityManager, id: string): Promise<Result<HoldRecord>> {
  const [row] = await manager.query(
    `SELECT ${HOLD_COLUMNS}, false AS due FROM holds WHERE id = $1`,
    [id],
  );
  if (!row) return fail('HOLD_NOT_FOUND', `no hold ${id}`);
  return ok({
    ...fromRow(row),
    lines: await loadLines(manager, [id]).then((lines) => lines.get(id) ?? []),
  });
}

/** Locks several holds, in id order so that two commands locking overlapping sets never deadlock. */
export async function lockHolds(
  manager: EntityManager,
  ids: readonly string[],
): Promise<Omit<HoldRecord, 'due'>[]> {
  const rows: HoldRow[] = await manager.query(
    `SELECT ${HOLD_COLUMNS}, false AS due FROM holds WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE`,
    [ids],
  );
  const lines = await loadLines(manager, ids);
  return rows.map((row) => ({ ...fromRow(row), lines: lines.get(row.id) ?? [] }));
}

export async function loadLines(
  manager: EntityManager,
  ids: readonly string[],
): Promise<Map<string, ledger.HoldLineType[]>> {
  const rows: { hold_id: string; sku: string; location: string; qty: number }[] =
    await manager.query(
      'SELECT hold_id, sku, location, qty FROM hold_lines WHERE hold_id = ANY($1::text[]) ORDER BY sku, location',
      [ids],
    );
  const byHold = new Map<string, ledger.HoldLineType[]>();
  for (const row of rows) {
    const lines = byHold.get(row.hold_id) ?? [];
    lines.push({ sku: row.sku, location: row.location, qty: row.qty });
    byHold.set(row.hold_id, lines);
  }
  return byHold;
}

/**
 * Writes a change of status (and, for an adoption, of owner), bumping the hold's sequence;
 * answers the new sequence so the change's event carries it.
 */
export async function setHoldStatus(
  manager: EntityManager,
  id: string,
  status: ledger.HoldStatus,
  options: { clearExpiry?: boolean; reference?: string; orderId?: string } = {},
): Promise<number> {
  const [[row]] = await manager.query(
    `UPDATE holds SET status = $2, updated_at = clock_timestamp(), seq = seq + 1,
       expires_at = CASE WHEN $3 THEN NULL ELSE expires_at END,
       reference = COALESCE($4, reference),
       order_id = COALESCE($5, order_id)
     WHERE id = $1 RETURNING seq`,
    [id, status, options.clearExpiry ?? false, options.reference ?? null, options.orderId ?? null],
  );
  return row.seq;
}

/** A change that is not a status change (a move, an extension) still bumps the sequence. */
export async function bumpHoldSeq(manager: EntityManager, id: string): Promise<number> {
  const [[row]] = await manager.query(
    'UPDATE holds SET seq = seq + 1, updated_at = clock_timestamp() WHERE id = $1 RETURNING seq',
    [id],
  );
  return row.seq;
}

export function holdView(hold: Omit<HoldRecord, 'due'>): ledger.HoldViewType {
  return {
    id: hold.id,
    channel: hold.channel,
    status: hold.status,
    expiresAt:
      hold.status === 'held' && hold.expiresAt ? new Date(hold.expiresAt).toISOString() : null,
    reference: hold.reference,
    orderId: hold.orderId,
    seq: hold.seq,
    lines: hold.lines,
  };
}

interface HoldRow {
  id: string;
  channel: string;
  status: ledger.HoldStatus;
  expires_at: Date | null;
  reference: string | null;
  order_id: string | null;
  seq: number;
  due: boolean;
}

function fromRow(row: HoldRow): Omit<HoldRecord, 'lines'> {
  return {
    id: row.id,
    channel: row.channel,
    status: row.status,
    expiresAt: row.expires_at,
    reference: row.reference,
    orderId: row.order_id,
    seq: row.seq,
    due: row.due,
  };
}

/**
 * Writes a hold born committed to an order (units that arrived for it), outside the batched
 * reserve; `false` when the id is taken.
 */
export async function insertOrderHold(
  manager: EntityManager,
  hold: { id: string; channel: string; orderId: string; reference: string; actor?: string },
  lines: readonly ledger.HoldLineType[],
): Promise<boolean> {
  const inserted: unknown[] = await manager.query(
    `INSERT INTO holds (id, channel, status, expires_at, reference, actor, order_id)
     VALUES ($1, $2, 'committed', NULL, $3, $4, $5) ON CONFLICT (id) DO NOTHING RETURNING 1`,
    [hold.id, hold.channel, hold.reference, hold.actor ?? null, hold.orderId],
  );
  if (inserted.length === 0) return false;
  await manager.query(
    `INSERT INTO hold_lines (hold_id, sku, location, qty)
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::int[])`,
    [hold.id, lines.map((l) => l.sku), lines.map((l) => l.location), lines.map((l) => l.qty)],
  );
  return true;
}
