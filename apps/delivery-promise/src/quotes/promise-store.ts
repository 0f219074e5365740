import type { promise, Static } from '@omnistock/contracts';
import type { EntityManager } from 'typeorm';

export type QuoteOptionView = Static<typeof promise.QuoteOption>;

export interface PromiseRow {
  id: string;
  channel: string;
  method: 'ship' | 'pickup';
  carrier: string | null;
  service_level: string | null;
  locations: string[];
  lines: { sku: string; qty: number }[];
  allocations: { location: string; lines: { sku: string; qty: number }[]; shipTo?: string }[];
  window_from: Date;
  window_to: Date;
  cutoff_at: Date;
  cutoff_local: string;
  quoted_at: Date;
  expires_at: Date;
  view: QuoteOptionView;
  inputs: PromiseInputs;
}

/** What a quote saw, kept with each promise so a broken one can be explained later. */
export interface PromiseInputs {
  nowMs: number;
  destination: { lat: number; lon: number; postcode?: string; timezone?: string };
  customerTimezone: string;
  distanceKm: number;
  stockSeen: Record<string, Record<string, number>>;
  calendarVersion: number;
  carrierVersion: number | null;
  /** Every calendar the window used (a transfer's source too); absent on older promises. */
  calendarVersions?: Record<string, number>;
  /** The leg that brings a pickup's units from another location, as promised. */
  transfer?: {
    from: string;
    distanceKm: number;
    carrier: string;
    serviceLevel: string;
    carrierVersion: number;
    arrivalAt: string;
  };
  /** The compartment routing said the parcel would take (a locker). */
  compartmentSize?: string;
}

type Queryable = Pick<EntityManager, 'query'>;

export async function insertPromises(db: Queryable, rows: PromiseRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.query(
    `INSERT INTO promises (id, channel, method, carrier, service_level, locations, lines, allocations,
       window_from, window_to, cutoff_at, cutoff_local, quoted_at, expires_at, view, inputs)
     SELECT id, channel, method, carrier, service_level, ARRAY(SELECT jsonb_array_elements_text(locations)),
       lines, allocations, window_from, window_to, cutoff_at, cutoff_local, quoted_at, expires_at, view, inputs
     FROM jsonb_to_recordset($1::jsonb) AS p (id text, channel text, method text, carrier text, service_level text,
       locations jsonb, lines jsonb, allocations jsonb, window_from timestamptz, window_to timestamptz,
       cutoff_at timestamptz, cutoff_local text, quoted_at timestamptz, expires_at timestamptz, view jsonb, inputs jsonb)`,
    [JSON.stringify(rows)],
  );
}

export async function findPromise(db: Queryable, id: string): Promise<PromiseRow | undefined> {
  const [row] = await db.query('SELECT * FROM promises WHERE id = $1', [id]);
  return row;
}
