/**
 * The one error envelope, over HTTP and NATS alike. Codes are stable strings because
 * `instanceof` does not survive a hop over NATS; only the gateway maps them to statuses.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'PAYLOAD_TOO_LARGE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'UNKNOWN_SKU',
  'UNKNOWN_LOCATION',
  'UNKNOWN_CHANNEL',
  'LOCATION_NOT_ALLOWED',
  'INSUFFICIENT_STOCK',
  'IDEMPOTENCY_CONFLICT',
  'INVALID_TRANSITION',
  'HOLD_NOT_FOUND',
  'HOLD_OWNED_BY_ORDER',
  'HOLD_OWNED_BY_CART',
  'POSITION_LIMIT_EXCEEDED',
  'IN_PROGRESS',
  'RETURN_NOT_ALLOWED',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  'PROMISE_EXPIRED',
  'PROMISE_UNAVAILABLE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export interface ErrorEnvelope {
  error: ErrorBody;
}

export function errorEnvelope(code: ErrorCode, message: string, details?: unknown): ErrorEnvelope {
  return details === undefined
    ? { error: { code, message } }
    : { error: { code, message, details } };
}

export function isErrorEnvelope(value: unknown): value is ErrorEnvelope {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as ErrorBody).code === 'string' &&
    typeof (error as ErrorBody).message === 'string'
  );
}

/** An error a use case returns (never throws) for an expected outcome. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  toEnvelope(): ErrorEnvelope {
    return errorEnvelope(this.code, this.message, this.details);
  }
}

/** HTTP status per code; the gateway is the only place that uses it. */
export const HTTP_STATUS_BY_CODE: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  UNKNOWN_SKU: 404,
  UNKNOWN_LOCATION: 404,
  UNKNOWN_CHANNEL: 404,
  LOCATION_NOT_ALLOWED: 409,
  HOLD_NOT_FOUND: 404,
  HOLD_OWNED_BY_ORDER: 409,
  HOLD_OWNED_BY_CART: 409,
  POSITION_LIMIT_EXCEEDED: 409,
  IN_PROGRESS: 503,
  INSUFFICIENT_STOCK: 409,
  IDEMPOTENCY_CONFLICT: 409,
  INVALID_TRANSITION: 409,
  RETURN_NOT_ALLOWED: 409,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
  PROMISE_EXPIRED: 409,
  PROMISE_UNAVAILABLE: 409,
  INTERNAL: 500,
};

/** What a use case returns: a value, or an expected failure carrying its code. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: DomainError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: ErrorCode, message: string, details?: unknown): Result<T> {
  return { ok: false, error: new DomainError(code, message, details) };
}
