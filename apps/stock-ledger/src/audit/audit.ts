import {
  fail,
  ok,
  type ledger,
  type RequestOf,
  type ReplyOf,
  type Result,
} from '@omnistock/contracts';
import type { DataSource } from 'typeorm';

const AUDIT_ENTRIES_DEFAULT = 200;

/** A SKU's entries in order with the balance after each: the answer to "where did this unit go?". */
export async function audit(
  dataSource: DataSource,
  request: RequestOf<typeof ledger.audit>,
): Promise<Result<ReplyOf<typeof ledger.audit>>> {
  const known = await dataSource.query('SELECT 1 FROM skus WHERE sku = $1', [request.sku]);
  if (known.length === 0)
    return fail('UNKNOWN_SKU', `unknown SKU: ${request.sku}`, { skus: [request.sku] });
  const rows = await dataSource.query(
    `SELECT sku, location, seq, kind, d_on_hand, d_reserved, d_quarantine, d_in_transit,
            on_hand, reserved, quarantine, in_transit, reference, channel, actor, reason, command_id, created_at
     FROM ledger_entries
     WHERE sku = $1
       AND ($2::text IS NULL OR location = $2)
       AND ($3::text[] IS NULL OR kind = ANY($3::text[]))
       AND ($4::timestamptz IS NULL OR created_at >= $4)
       AND ($5::timestamptz IS NULL OR created_at < $5)
     ORDER BY location, seq
     LIMIT $6`,
    [
      request.sku,
      request.location ?? null,
      request.kinds ?? null,
      request.from ?? null,
      request.to ?? null,
      request.limit ?? AUDIT_ENTRIES_DEFAULT,
    ],
  );
  return ok({
    entries: rows.map((row: Record<string, any>) => ({
      sku: row.sku,
      location: row.location,
      seq: row.seq,
      kind: row.kind,
      delta: {
        onHand: row.d_on_hand,
        reserved: row.d_reserved,
        quarantine: row.d_quarantine,
        inTransit: row.d_in_transit,
      },
      balance: {
        onHand: row.on_hand,
        reserved: row.reserved,
        quarantine: row.quarantine,
        inTransit: row.in_transit,
      },
      reference: row.reference,
      channel: row.channel,
      actor: row.actor,
      reason: row.reason,
      commandId: row.command_id,
      createdAt: new Date(row.created_at).toISOString(),
    })),
  });
}
