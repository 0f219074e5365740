/**
 * Every list, string, number and payload has a bound (TIGER_STYLE): a client's mistake or
 * abuse must hit a named limit, not the database or the event loop.
 */
export const LIMITS = {
  payload_bytes_max: 256 * 1024,
  qty_max: 1_000_000,
  /**
   * Units one bucket of one position may hold. Balances are 32-bit columns; keeping them a
   * factor of two below 2^31 leaves room for a batch's deltas before the check refuses.
   * Anything that multiplies or sums balances does it in 64 bits.
   */
  position_units_max: 1_000_000_000,
  /** Channels one API key may be bound to, and one hold command may name as its principal. */
  principal_channels_max: 50,
  lines_max: 200,
  bulk_items_max: 1_000,
  code_length_max: 64,
  name_length_max: 200,
  reason_length_max: 200,
  id_length_max: 128,
  hold_ttl_s_min: 1,
  hold_ttl_s_max: 7 * 24 * 3600,
  audit_entries_max: 1_000,
  availability_skus_max: 200,
  reconcile_drift_report_max: 1_000,
  nats_request_timeout_ms: 5_000,
} as const;
