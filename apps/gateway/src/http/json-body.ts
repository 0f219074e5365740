import { LIMITS } from '@omnistock/contracts';
import type { FastifyInstance } from 'fastify';
import { GatewayError } from './gateway-error.js';

/**
 * JSON is the only body the gateway reads, at most LIMITS.payload_bytes_max bytes (Fastify
 * refuses a longer one with 413 before reading it). An empty body is "no body", so a
 * client that always sends Content-Type still can DELETE; any other type is refused.
 */
export function acceptJsonBodiesOnly(instance: FastifyInstance): void {
  instance.removeAllContentTypeParsers();
  instance.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit: LIMITS.payload_bytes_max },
    (_request, body, done) => {
      const text = body as string;
      if (text.trim().length === 0) return done(null, undefined);
      try {
        done(null, JSON.parse(text));
      } catch {
        done(new GatewayError('VALIDATION_FAILED', 'body is not valid JSON'), undefined);
      }
    },
  );
}
