import { fail, ok, type ledger, type Result } from '@omnistock/contracts';
import type { EntityManager } from 'typeorm';

export interface HoldRecord {
  id: string;
  channel: string;
  status: ledger.HoldStatus;
  expiresAt: Date | null;
  reference: string | null;
  /** The database clock says the hold's time is up, whether or not the sweeper got to it yet. */
  due: boolean;
  lines: ledger.HoldLineType[];
}

/** Locks the hold row: every command on one hold is serialized, and the expiry sweeper skips it meanwhile. */
export async function lockHold(manager: EntityManager, id: string): Promise<Result<HoldRecord>> {
  const [row] = await manager.query(
    `SELECT id, channel, status, expires_at, reference,
            (status = 'held' AND expires_at <= clock_timestamp()) AS due
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
    `SELECT id, channel, status, expires_at, reference, false AS due FROM holds WHERE id = $1`,
    [id],
  );
  if (!row) return fail('HOLD_NOT_FOUND', `no hold ${id}`);
  return ok({
    ...fromRow(row),
    lines: await loadLines(manager, [id]).then((lines) => lines.get(id) ?? []),
  });
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

export async function setHoldStatus(
  manager: EntityManager,
  id: string,
  status: ledger.HoldStatus,
  options: { clearExpiry?: boolean; reference?: string } = {},
): Promise<void> {
  await manager.query(
    `UPDATE holds SET status = $2, updated_at = clock_timestamp(),
       expires_at = CASE WHEN $3 THEN NULL ELSE expires_at END,
       reference = COALESCE($4, reference)
     WHERE id = $1`,
    [id, status, options.clearExpiry ?? false, options.reference ?? null],
  );
}

export function holdView(hold: Omit<HoldRecord, 'due'>): ledger.HoldViewType {
  return {
    id: hold.id,
    channel: hold.channel,
    status: hold.status,
    expiresAt:
      hold.status === 'held' && hold.expiresAt ? new Date(hold.expiresAt).toISOString() : null,
    reference: hold.reference,
    lines: hold.lines,
  };
}

function fromRow(row: {
  id: string;
  channel: string;
  status: ledger.HoldStatus;
  expires_at: Date | null;
  reference: string | null;
  due: boolean;
}): Omit<HoldRecord, 'lines'> {
  return {
    id: row.id,
    channel: row.channel,
    status: row.status,
    expiresAt: row.expires_at,
    reference: row.reference,
    due: row.due,
  };
}
