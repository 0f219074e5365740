import type { FastifyReply, FastifyRequest } from 'fastify';
import { GatewayError } from './gateway-error.js';

/**
 * Fastify answers a few malformed URLs (a bad %-escape, a path segment over maxParamLength)
 * before any route or hook runs, in its own shape; here they get the envelope too.
 */
export function frameworkErrors(
  error: Error & { code?: string },
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const refusal = new GatewayError(
    'VALIDATION_FAILED',
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? 'a path segment is too long'
      : 'the URL is malformed',
  );
  void reply
    .header('x-request-id', request.id)
    .status(refusal.status)
    .type('application/json; charset=utf-8')
    .send(refusal.envelope());
}
