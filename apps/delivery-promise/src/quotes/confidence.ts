import type { EntityManager } from 'typeorm';

/** Pickup outcomes are measured under these names, so kept-rate groups them like a carrier service. */
export const PICKUP_CARRIER = 'click_and_collect';
export const PICKUP_LEVEL = 'pickup';

export interface Confidence {
  confidence: number | null;
  basedOn: number;
}

export const confidenceKey = (carrier: string, level: string, location: string) =>
  `${carrier}|${level}|${location}`;

/**
 * The kept share of past promises of the same carrier service from the same location:
 * what the shopper's option has actually done, not what its configuration hopes.
 */
export async function confidenceFor(
  db: Pick<EntityManager, 'query'>,
  locations: string[],
): Promise<Map<string, Confidence>> {
  const rows: {
    carrier: string;
    service_level: string;
    location: string;
    total: number;
    kept: number;
  }[] = await db.query(
    `SELECT carrier, service_level, location, count(*)::int AS total,
         (count(*) FILTER (WHERE outcome <> 'late'))::int AS kept
       FROM promise_outcomes WHERE location = ANY($1::text[])
       GROUP BY carrier, service_level, location`,
    [locations],
  );
  return new Map(
    rows.map((row) => [
      confidenceKey(row.carrier, row.service_level, row.location),
      { confidence: Math.round((row.kept / row.total) * 100) / 100, basedOn: row.total },
    ]),
  );
}
