/** One broken promise, with what the checker expected and what it found. */
export interface Violation {
  /** Which promise: `acknowledged-lost`, `units-not-conserved`, `event-duplicated`, … */
  check: string;
  message: string;
  details?: Record<string, unknown>;
}

export const VIOLATIONS_SHOWN_PER_CHECK_MAX = 20;
