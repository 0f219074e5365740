import { LIMITS, type ErrorCode } from '@omnistock/contracts';
import { HttpException } from '@nestjs/common';
import { GatewayError } from './gateway-error.js';
import { isDependencyDown } from '@omnistock/database';

/** Fastify's own client errors that deserve a clearer message than its default. */
const FASTIFY_MESSAGES: Record<string, { code: ErrorCode; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: 'PAYLOAD_TOO_LARGE',
    message: `body over ${LIMITS.payload_bytes_max} bytes`,
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'VALIDATION_FAILED',
    message: 'bodies must be application/json',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'VALIDATION_FAILED',
    message: 'Content-Length does not match the body',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'VALIDATION_FAILED', message: 'body is not valid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'VALIDATION_FAILED', message: 'body is empty' },
};

const CODE_BY_CLIENT_STATUS: Record<number, ErrorCode> = {
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'RATE_LIMITED',
};

/**
 * Whatever was thrown, as the one envelope. A 4xx from Nest or Fastify is the client's
 * mistake and keeps a 4xx code; anything unrecognised is INTERNAL and gets logged.
 */
export function toGatewayError(exception: unknown): GatewayError {
  if (exception instanceof GatewayError) return exception;
  if (exception instanceof HttpException) {
    const cause = exception.cause as { code?: string } | undefined;
    const known = cause?.code ? FASTIFY_MESSAGES[cause.code] : undefined;
    if (known) return new GatewayError(known.code, known.message);
    const status = exception.getStatus();
    if (status === 404) return new GatewayError('NOT_FOUND', 'no such route');
    if (status >= 400 && status < 500) {
      return new GatewayError(
        CODE_BY_CLIENT_STATUS[status] ?? 'VALIDATION_FAILED',
        exception.message,
      );
    }
    if (status === 503) return new GatewayError('SERVICE_UNAVAILABLE', exception.message);
  }
  if (isDependencyDown(exception))
    return new GatewayError('SERVICE_UNAVAILABLE', 'the gateway`s database is unavailable; retry');
  return new GatewayError('INTERNAL', 'unexpected failure; it has been logged with the request id');
}
