/** The promise service's bounds (TIGER_STYLE: every list, number and search has one). */
export const PROMISE_LIMITS = {
  /** How long a quoted promise may be ordered on; never past its cut-off either. */
  promise_ttl_s: 15 * 60,
  transit_days_max: 30,
  distance_bands_max: 20,
  distance_km_max: 20_000,
  services_per_carrier_max: 10,
  holidays_max: 366,
  non_moving_dates_max: 366,
  opening_hours_max: 14,
  processing_minutes_max: 7 * 24 * 60,
  pickup_lead_minutes_max: 7 * 24 * 60,
  pickup_radius_km_default: 50,
  pickup_radius_km_max: 500,
  /** How far ahead a dispatch or pickup day is looked for before the option is dropped. */
  calendar_search_days_max: 60,
  pickup_options_max: 5,
  /** Lockers near a destination asked about (one routing call each) per quote. */
  locker_options_max: 3,
  /** A quote does not wait longer than this for routing's locker answer; lockers are left out. */
  locker_fit_timeout_ms: 1_000,
  price_minor_max: 100_000_000,
  postcode_length_max: 16,
  timezone_length_max: 64,
} as const;
