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
