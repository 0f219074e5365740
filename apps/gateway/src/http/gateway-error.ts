import {
  errorEnvelope,
  HTTP_STATUS_BY_CODE,
  type ErrorBody,
  type ErrorCode,
  type ErrorEnvelope,
} from '@omnistock/contracts';

/**
 * An answer that is not a success, carried up to the exception filter. The status comes
 * from the code through HTTP_STATUS_BY_CODE only: this is the one place codes become statuses.
 */
export class GatewayError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'GatewayError';
  }

  static fromBody(body: ErrorBody): GatewayError {
    // A code this gateway does not know yet still answers with a status, never a crash.
    const code = body.code in HTTP_STATUS_BY_CODE ? body.code : 'INTERNAL';
    return new GatewayError(code, body.message, body.details);
  }

  get status(): number {
    return HTTP_STATUS_BY_CODE[this.code];
  }

  envelope(): ErrorEnvelope {
    return errorEnvelope(this.code, this.message, this.details);
  }
}
