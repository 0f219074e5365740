import type { promise, Static } from '@omnistock/contracts';
import type { EntityManager } from 'typeorm';
import type { CalendarRules, CarrierServiceRules } from '../windows/window-policy.js';

type StoredService = Static<typeof promise.CarrierService> & {
  name: string;
  nonMovingWeekdays: number[];
  nonMovingDates: string[];
  collectionTimes: { location: string; time: string }[];
};
type StoredCalendar = Static<typeof promise.LocationCalendar> & {
  holidays: string[];
  pickupLeadMinutes: number;
};

export interface CarrierServiceRow {
  carrier: string;
  level: promise.ServiceLevel;
  version: number;
  config: StoredService;
}

export interface CalendarRow {
  location: string;
  version: number;
  config: StoredCalendar;
}

type Queryable = Pick<EntityManager, 'query'>;

/** The two versioned configuration tables and the columns that name a row in each. */
const VERSIONED_TABLES = {
  carrier_services: ['carrier', 'level'],
  location_calendars: ['location'],
} as const;
type VersionedTable = keyof typeof VERSIONED_TABLES;

/**
 * Configuration is state, not a command: writes each row's config, and only a config that
 * differs from the stored one takes the next version. Answers every incoming row with its
 * key columns and the version it now has, so the same body twice answers the same.
 */
export async function upsertVersioned<
  Table extends VersionedTable,
  Row extends Record<(typeof VERSIONED_TABLES)[Table][number], string>,
>(
  db: Queryable,
  table: Table,
  rows: (Row & { config: unknown })[],
): Promise<(Omit<Row, 'config'> & { version: number })[]> {
  const keys: readonly string[] = VERSIONED_TABLES[table];
  const keyList = keys.join(', ');
  return db.query(
    `WITH incoming AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS r (${keys.map((key) => `${key} text`).join(', ')}, config jsonb)),
     written AS (
       INSERT INTO ${table} (${keyList}, config)
       SELECT ${keyList}, config FROM incoming
       ON CONFLICT (${keyList}) DO UPDATE
         SET config = excluded.config, version = ${table}.version + 1, updated_at = clock_timestamp()
         WHERE ${table}.config IS DISTINCT FROM excluded.config
       RETURNING ${keyList}, version)
     SELECT ${keys.map((key) => `i.${key}`).join(', ')}, COALESCE(w.version, c.version) AS version
     FROM incoming i
     LEFT JOIN written w USING (${keyList})
     LEFT JOIN ${table} c USING (${keyList})`,
    [JSON.stringify(rows)],
  );
}

export async function loadCarrierServices(db: Queryable): Promise<CarrierServiceRow[]> {
  return db.query(
    'SELECT carrier, level, version, config FROM carrier_services ORDER BY carrier, level',
  );
}

export async function loadCalendars(db: Queryable, locations: string[]): Promise<CalendarRow[]> {
  return db.query(
    'SELECT location, version, config FROM location_calendars WHERE location = ANY($1::text[])',
    [locations],
  );
}

export function calendarRules(row: CalendarRow): CalendarRules {
  return {
    openingHours: row.config.openingHours,
    holidays: row.config.holidays,
    cutoff: row.config.cutoff,
    processingMinutes: row.config.processingMinutes,
    pickupLeadMinutes: row.config.pickupLeadMinutes,
  };
}

/** The service as it applies at one location: that location's collection time, or the default. */
export function serviceRulesAt(row: CarrierServiceRow, location: string): CarrierServiceRules {
  const collection = row.config.collectionTimes.find((entry) => entry.location === location);
  return {
    carrier: row.carrier,
    level: row.level,
    transitDays: row.config.transitDays,
    nonMovingWeekdays: row.config.nonMovingWeekdays,
    nonMovingDates: row.config.nonMovingDates,
    collectionTime: collection?.time ?? row.config.defaultCollectionTime,
    deliveryHours: row.config.deliveryHours,
  };
}
