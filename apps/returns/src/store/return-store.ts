import { fail, ok, type Result, type returns } from '@omnistock/contracts';
import type { EntityManager } from 'typeorm';

interface ReturnRow {
  id: string;
  order_id: string;
  channel: string;
  status: returns.ReturnStatus;
  lines: returns.ReturnLineType[];
  receive_by: Date;
  location: string | null;
  received: returns.ReturnViewType['received'];
  dispositions: returns.ReturnViewType['dispositions'];
  exchange: returns.ReturnViewType['exchange'];
  created_at: Date;
}

const COLUMNS =
  'id, order_id, channel, status, lines, receive_by, location, received, dispositions, exchange, created_at';

/** jsonb keeps keys in its own order; a view always lists them the same way, so a replay reads alike. */
export function toView(row: ReturnRow): returns.ReturnViewType {
  return {
    id: row.id,
    orderId: row.order_id,
    channel: row.channel,
    status: row.status,
    lines: row.lines.map(({ sku, qty, reason }) => ({ sku, qty, reason })),
    receiveBy: new Date(row.receive_by).toISOString(),
    location: row.location,
    received: row.received.map(({ sku, qty }) => ({ sku, qty })),
    dispositions: row.dispositions.map(({ sku, qty, grade, disposition, location }) => ({
      sku,
      qty,
      grade,
      disposition,
      location,
    })),
    exchange: row.exchange && {
      holdId: row.exchange.holdId,
      lines: row.exchange.lines.map(({ sku, location, qty }) => ({ sku, location, qty })),
      status: row.exchange.status,
      orderId: row.exchange.orderId,
    },
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** Locks the return: every command on one return runs one at a time. */
export async function lockReturn(
  manager: EntityManager,
  id: string,
): Promise<Result<returns.ReturnViewType>> {
  const [row] = await manager.query(`SELECT ${COLUMNS} FROM returns WHERE id = $1 FOR UPDATE`, [
    id,
  ]);
  return row ? ok(toView(row)) : fail('NOT_FOUND', `no return ${id}`);
}

export async function readReturn(
  manager: EntityManager,
  id: string,
): Promise<Result<returns.ReturnViewType>> {
  const [row] = await manager.query(`SELECT ${COLUMNS} FROM returns WHERE id = $1`, [id]);
  return row ? ok(toView(row)) : fail('NOT_FOUND', `no return ${id}`);
}

/** Units of the order already in returns that still count: open, or done. */
export async function unitsAlreadyReturned(
  manager: EntityManager,
  orderId: string,
): Promise<Map<string, number>> {
  const rows: { sku: string; qty: number }[] = await manager.query(
    `SELECT line->>'sku' AS sku, sum((line->>'qty')::int)::int AS qty
     FROM returns, jsonb_array_elements(CASE WHEN status IN ('received', 'inspected', 'closed') THEN received ELSE lines END) AS line
     WHERE order_id = $1 AND status NOT IN ('cancelled', 'expired')
     GROUP BY 1`,
    [orderId],
  );
  return new Map(rows.map((row) => [row.sku, row.qty]));
}

export async function insertReturn(
  manager: EntityManager,
  view: Omit<returns.ReturnViewType, 'receiveBy' | 'createdAt' | 'status'>,
  receiveWithinDays: number,
  actor: string | undefined,
): Promise<returns.ReturnViewType> {
  const [row] = await manager.query(
    `INSERT INTO returns (id, order_id, channel, status, lines, receive_by, exchange)
     VALUES ($1, $2, $3, 'authorised', $4, clock_timestamp() + make_interval(days => $5), $6)
     RETURNING ${COLUMNS}`,
    [
      view.id,
      view.orderId,
      view.channel,
      JSON.stringify(view.lines),
      receiveWithinDays,
      view.exchange ? JSON.stringify(view.exchange) : null,
    ],
  );
  await recordTransition(manager, view.id, null, 'authorised', actor);
  return toView(row);
}

/** Writes the fields a step changed and its entry in the history. */
export async function saveReturn(
  manager: EntityManager,
  before: returns.ReturnViewType,
  after: returns.ReturnViewType,
  actor: string | undefined,
): Promise<void> {
  await manager.query(
    `UPDATE returns SET status = $2, location = $3, received = $4, dispositions = $5, exchange = $6,
       updated_at = clock_timestamp()
     WHERE id = $1`,
    [
      after.id,
      after.status,
      after.location,
      JSON.stringify(after.received),
      JSON.stringify(after.dispositions),
      after.exchange ? JSON.stringify(after.exchange) : null,
    ],
  );
  if (before.status !== after.status)
    await recordTransition(manager, after.id, before.status, after.status, actor);
}

export async function recordTransition(
  manager: EntityManager,
  id: string,
  from: returns.ReturnStatus | null,
  to: returns.ReturnStatus,
  actor: string | undefined,
): Promise<void> {
  await manager.query(
    'INSERT INTO return_transitions (return_id, from_status, to_status, actor) VALUES ($1, $2, $3, $4)',
    [id, from, to, actor ?? null],
  );
}
