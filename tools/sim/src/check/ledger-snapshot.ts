import type pg from 'pg';

export interface EntryRow {
  command_id: string;
  sku: string;
  location: string;
  kind: string;
  d_on_hand: number;
  d_reserved: number;
  d_quarantine: number;
  d_in_transit: number;
  on_hand: number;
  seq: number;
  reason: string | null;
  reference: string | null;
}

export interface HoldRow {
  id: string;
  channel: string;
  status: string;
  expires_at: Date | null;
  order_id: string | null;
  seq: number;
  lines: { sku: string; location: string; qty: number }[];
  /** Past its expiry (by the database's clock) while still held. */
  overdue_s: number | null;
}

export interface PositionRow {
  sku: string;
  location: string;
  on_hand: number;
  reserved: number;
  quarantine: number;
  in_transit: number;
  seq: number;
}

export interface TransferRow {
  id: string;
  from_location: string;
  to_location: string;
  status: string;
  lines: { sku: string; qty: number }[];
}

/** The ledger's tables as they are after the run, read directly: the checker trusts no service. */
export interface LedgerSnapshot {
  entries: EntryRow[];
  holds: Map<string, HoldRow>;
  positions: PositionRow[];
  transfers: Map<string, TransferRow>;
}

export async function readLedger(db: pg.Client): Promise<LedgerSnapshot> {
  const entries = await db.query<EntryRow>(
    `SELECT command_id, sku, location, kind, d_on_hand, d_reserved, d_quarantine, d_in_transit,
            on_hand, seq::int AS seq, reason, reference
     FROM ledger.ledger_entries ORDER BY id`,
  );
  const holds = await db.query<HoldRow>(
    `SELECT h.id, h.channel, h.status, h.expires_at, h.order_id, h.seq,
            COALESCE(json_agg(json_build_object('sku', l.sku, 'location', l.location, 'qty', l.qty)
              ORDER BY l.sku, l.location) FILTER (WHERE l.hold_id IS NOT NULL), '[]') AS lines,
            CASE WHEN h.status = 'held' AND h.expires_at < clock_timestamp()
              THEN EXTRACT(EPOCH FROM clock_timestamp() - h.expires_at)::float END AS overdue_s
     FROM ledger.holds h LEFT JOIN ledger.hold_lines l ON l.hold_id = h.id
     GROUP BY h.id`,
  );
  const positions = await db.query<PositionRow>(
    `SELECT sku, location, on_hand, reserved, quarantine, in_transit, seq::int AS seq
     FROM ledger.positions ORDER BY sku, location`,
  );
  const transfers = await db.query<TransferRow>(
    'SELECT id, from_location, to_location, status, lines FROM ledger.transfers',
  );
  return {
    entries: entries.rows,
    holds: new Map(holds.rows.map((row) => [row.id, row])),
    positions: positions.rows,
    transfers: new Map(transfers.rows.map((row) => [row.id, row])),
  };
}
