import { LIMITS, ok, type ledger, type ReplyOf, type Result } from '@omnistock/contracts';
import type { DataSource } from 'typeorm';

/**
 * Re-derives every balance from the ledger: each bucket must equal the sum of its entries,
 * the sequence must have no gaps, and `reserved` must equal the open holds' lines — a
 * mismatch there is an orphaned or lost hold.
 */
export async function reconcile(
  dataSource: DataSource,
): Promise<Result<ReplyOf<typeof ledger.reconcile>>> {
  const rows: { sku: string; location: string; bucket: string; stored: number; derived: number }[] =
    await dataSource.query(
      `WITH derived AS (
       SELECT sku, location, sum(d_on_hand)::bigint AS on_hand, sum(d_reserved)::bigint AS reserved,
              sum(d_quarantine)::bigint AS quarantine, sum(d_in_transit)::bigint AS in_transit,
              count(*)::bigint AS entries
       FROM ledger_entries GROUP BY sku, location),
     held AS (
       SELECT l.sku, l.location, sum(l.qty)::bigint AS qty
       FROM hold_lines l JOIN holds h ON h.id = l.hold_id
       WHERE h.status IN ('held', 'committed') GROUP BY l.sku, l.location),
     compared AS (
       SELECT p.sku, p.location, b.bucket, b.stored, b.derived
       FROM positions p
       LEFT JOIN derived d USING (sku, location)
       LEFT JOIN held h USING (sku, location)
       CROSS JOIN LATERAL (VALUES
         ('on_hand', p.on_hand, COALESCE(d.on_hand, 0)),
         ('reserved', p.reserved, COALESCE(d.reserved, 0)),
         ('quarantine', p.quarantine, COALESCE(d.quarantine, 0)),
         ('in_transit', p.in_transit, COALESCE(d.in_transit, 0)),
         ('seq', p.seq, COALESCE(d.entries, 0)),
         ('reserved_by_open_holds', p.reserved, COALESCE(h.qty, 0))
       ) AS b (bucket, stored, derived))
     SELECT sku, location, bucket, stored::bigint, derived::bigint FROM compared
     WHERE stored <> derived ORDER BY sku, location, bucket LIMIT $1`,
      [LIMITS.reconcile_drift_report_max],
    );
  const [{ count }] = await dataSource.query('SELECT count(*)::int AS count FROM positions');
  return ok({ positionsChecked: count, drift: rows });
}
