import type { FastifyInstance, FastifyRequest } from 'fastify';
import { GatewayError } from '../http/gateway-error.js';
import type { RouteTable } from '../routes/route-table.js';
import type { ApiKeyStore } from './api-key.store.js';
import type { RateLimiter } from './rate-limiter.js';

const BEARER_PATTERN = /^Bearer\s+(\S{1,512})\s*$/i;

function presentedKey(request: FastifyRequest): string {
  const header = request.headers.authorization;
  if (header === undefined)
    throw new GatewayError('UNAUTHENTICATED', 'send Authorization: Bearer <API key>');
  const match = BEARER_PATTERN.exec(header);
  if (!match)
    throw new GatewayError(
      'UNAUTHENTICATED',
      'the Authorization header must be "Bearer <API key>"',
    );
  return match[1]!;
}

function admit(limiter: RateLimiter, bucket: string, who: string): void {
  const decision = limiter.take(bucket);
  if (decision.allowed) return;
  throw new GatewayError(
    'RATE_LIMITED',
    `too many requests for ${who}; retry in ${decision.retryAfterSeconds} s`,
    undefined,
    {
      'retry-after': String(decision.retryAfterSeconds),
    },
  );
}

/**
 * Authentication, rate limiting and scope checks run in Fastify's onRequest hook, before
 * the body is read: a caller without a valid key cannot make the gateway parse 256 KiB.
 * Only routes in the table are admitted; the rest fall through to the 404 handler. The
 * checks are in this order so that a forbidden call still spends its key's tokens.
 */
export function installAuthentication(
  instance: FastifyInstance,
  table: RouteTable,
  keys: ApiKeyStore,
  limiter: RateLimiter,
): void {
  instance.addHook('onRoute', (options) => {
    const methods = Array.isArray(options.method) ? options.method : [options.method];
    for (const method of methods) {
      if (method === 'HEAD' || table.find(method, options.url)) continue;
      throw new Error(
        `${method} ${options.url} is served but not in the route table: it would have no auth`,
      );
    }
  });

  instance.addHook('onRequest', async (request) => {
    const pattern = request.routeOptions.url;
    if (pattern === undefined) return;
    const spec = table.find(request.method, pattern);
    if (!spec) throw new GatewayError('NOT_FOUND', 'no such route');
    if (spec.scopes === 'open') {
      // Open routes are limited per client address: /health alone fans out to every service.
      return admit(limiter, `address:${request.ip}`, 'this address');
    }
    const caller = await keys.authenticate(presentedKey(request));
    if (!caller) throw new GatewayError('UNAUTHENTICATED', 'unknown or revoked API key');
    admit(limiter, caller.keyId, 'this key');
    const scopes = spec.scopes;
    if (!caller.scopes.some((scope) => scopes.includes(scope))) {
      throw new GatewayError(
        'FORBIDDEN',
        `this route needs one of the scopes ${scopes.join(', ')}`,
        {
          required: scopes,
          keyScopes: caller.scopes,
        },
      );
    }
    request.caller = caller;
  });
}
