import { fail, ok, type Result } from '@omnistock/contracts';
import { WriteBatch } from '@omnistock/database';
import type { EntityManager } from 'typeorm';
import type { LedgerEntryRow } from './apply-changes.js';
import { positionKey, type PositionState } from './position-state.js';

export interface PositionRef {
  sku: string;
  location: string;
}

const SELECT_POSITIONS = `
  SELECT p.sku, p.location, p.on_hand, p.reserved, p.quarantine, p.in_transit, p.seq
  FROM positions p
  JOIN unnest($1::text[], $2::text[]) AS wanted (sku, location)
    ON p.sku = wanted.sku AND p.location = wanted.location
  ORDER BY p.sku, p.location
  FOR UPDATE OF p`;

interface PositionRow {
  sku: string;
  location: string;
  on_hand: number;
  reserved: number;
  quarantine: number;
  in_transit: number;
  seq: number;
}

function fromRow(row: PositionRow): PositionState {
  return {
    sku: row.sku,
    location: row.location,
    onHand: row.on_hand,
    reserved: row.reserved,
    quarantine: row.quarantine,
    inTransit: row.in_transit,
    seq: row.seq,
  };
}

/** Every SKU and location must be registered before stock moves: an unknown one is a typed error, not a new row. */
export async function checkKnown(
  manager: EntityManager,
  refs: readonly PositionRef[],
): Promise<Result<void>> {
  const skus = [...new Set(refs.map((ref) => ref.sku))];
  const locations = [...new Set(refs.map((ref) => ref.location))];
  const [known] = await manager.query(
    `SELECT
       ARRAY(SELECT s FROM unnest($1::text[]) s WHERE NOT EXISTS (SELECT 1 FROM skus WHERE sku = s)) AS unknown_skus,
       ARRAY(SELECT l FROM unnest($2::text[]) l WHERE NOT EXISTS (SELECT 1 FROM locations WHERE code = l)) AS unknown_locations`,
    [skus, locations],
  );
  if (known.unknown_locations.length > 0) {
    return fail('UNKNOWN_LOCATION', `unknown location: ${known.unknown_locations.join(', ')}`, {
      locations: known.unknown_locations,
    });
  }
  if (known.unknown_skus.length > 0) {
    return fail('UNKNOWN_SKU', `unknown SKU: ${known.unknown_skus.join(', ')}`, {
      skus: known.unknown_skus,
    });
  }
  return ok(undefined);
}

/**
 * Locks the positions in one global order (sku, location), creating the missing ones at
 * zero, so that two commands touching the same positions never deadlock each other.
 */
export async function lockPositions(
  manager: EntityManager,
  refs: readonly PositionRef[],
): Promise<Map<string, PositionState>> {
  const unique = new Map<string, PositionRef>();
  for (const ref of refs) unique.set(positionKey(ref.sku, ref.location), ref);
  const wanted = [...unique.values()];
  const skus = wanted.map((ref) => ref.sku);
  const locations = wanted.map((ref) => ref.location);
  const states = new Map<string, PositionState>();
  let rows: PositionRow[] = await manager.query(SELECT_POSITIONS, [skus, locations]);
  for (const row of rows) states.set(positionKey(row.sku, row.location), fromRow(row));
  if (states.size < wanted.length) {
    const missing = wanted.filter((ref) => !states.has(positionKey(ref.sku, ref.location)));
    await manager.query(
      `INSERT INTO positions (sku, location) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`,
      [missing.map((ref) => ref.sku), missing.map((ref) => ref.location)],
    );
    rows = await manager.query(SELECT_POSITIONS, [
      missing.map((ref) => ref.sku),
      missing.map((ref) => ref.location),
    ]);
    for (const row of rows) states.set(positionKey(row.sku, row.location), fromRow(row));
  }
  return states;
}

/** A command's new balances and their entries, added to its write batch: one UPDATE and one INSERT however many positions. */
export function addPositionWrites(
  batch: WriteBatch,
  touched: readonly PositionState[],
  entries: readonly LedgerEntryRow[],
): void {
  if (touched.length === 0) return;
  const p = (value: unknown) => batch.param(value);
  batch.add(
    `UPDATE positions p
     SET on_hand = v.on_hand, reserved = v.reserved, quarantine = v.quarantine, in_transit = v.in_transit,
         seq = v.seq, updated_at = clock_timestamp()
     FROM unnest(${p(touched.map((x) => x.sku))}::text[], ${p(touched.map((x) => x.location))}::text[],
       ${p(touched.map((x) => x.onHand))}::int[], ${p(touched.map((x) => x.reserved))}::int[],
       ${p(touched.map((x) => x.quarantine))}::int[], ${p(touched.map((x) => x.inTransit))}::int[],
       ${p(touched.map((x) => x.seq))}::bigint[])
       AS v (sku, location, on_hand, reserved, quarantine, in_transit, seq)
     WHERE p.sku = v.sku AND p.location = v.location
     RETURNING 1`,
  );
  batch.add(
    `INSERT INTO ledger_entries (sku, location, seq, kind, d_on_hand, d_reserved, d_quarantine, d_in_transit,
       on_hand, reserved, quarantine, in_transit, command_id, reference, channel, actor, reason)
     SELECT * FROM unnest(${p(entries.map((e) => e.sku))}::text[], ${p(entries.map((e) => e.location))}::text[],
       ${p(entries.map((e) => e.seq))}::bigint[], ${p(entries.map((e) => e.kind))}::text[],
       ${p(entries.map((e) => e.delta.onHand))}::int[], ${p(entries.map((e) => e.delta.reserved))}::int[],
       ${p(entries.map((e) => e.delta.quarantine))}::int[], ${p(entries.map((e) => e.delta.inTransit))}::int[],
       ${p(entries.map((e) => e.balance.onHand))}::int[], ${p(entries.map((e) => e.balance.reserved))}::int[],
       ${p(entries.map((e) => e.balance.quarantine))}::int[], ${p(entries.map((e) => e.balance.inTransit))}::int[],
       ${p(entries.map((e) => e.commandId))}::text[], ${p(entries.map((e) => e.reference))}::text[],
       ${p(entries.map((e) => e.channel))}::text[], ${p(entries.map((e) => e.actor))}::text[],
       ${p(entries.map((e) => e.reason))}::text[])
     RETURNING 1`,
  );
}
