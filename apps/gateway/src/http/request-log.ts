import type { Logger } from '@omnistock/observability';
import type { FastifyInstance } from 'fastify';
import { routeLabel, type GatewayTelemetry } from './telemetry.js';

/**
 * Every response carries its request id, and leaves one log line and its metrics. The
 * line names the route pattern, never the URL: ids stay out of label values and a
 * `?key=` never reaches a log.
 */
export function installRequestLog(
  instance: FastifyInstance,
  logger: Logger,
  telemetry: GatewayTelemetry,
): void {
  instance.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  instance.addHook('onResponse', async (request, reply) => {
    const route = routeLabel(request);
    const status = reply.statusCode;
    telemetry.httpRequests.inc({ route, method: request.method, status: String(status) });
    telemetry.httpSeconds.observe({ route, method: request.method }, reply.elapsedTime / 1000);
    logger[status >= 500 ? 'warn' : 'info'](
      {
        requestId: request.id,
        method: request.method,
        route,
        status,
        ms: Math.round(reply.elapsedTime * 10) / 10,
        key: request.caller?.keyId,
      },
      'http request',
    );
  });
}
