import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from '@omnistock/observability';
import { GatewayError } from './gateway-error.js';
import { toGatewayError } from './to-gateway-error.js';
import type { GatewayTelemetry } from './telemetry.js';

/** Every failure leaves as `{ error: { code, message, details } }` with its request id. */
@Catch()
export class EnvelopeFilter implements ExceptionFilter {
  constructor(
    private readonly logger: Logger,
    private readonly telemetry: GatewayTelemetry,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const error = toGatewayError(exception);
    if (error.code === 'INTERNAL' && exception instanceof GatewayError) {
      this.logger.warn(
        { requestId: request.id, route: request.routeOptions?.url },
        'a service answered INTERNAL; its log has this request id',
      );
    } else if (error.code === 'INTERNAL') {
      this.logger.error(
        { requestId: request.id, err: exception },
        'unexpected failure answering a request',
      );
    }
    this.telemetry.recordError(request, error);
    reply.header('x-request-id', request.id);
    for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
    void reply.status(error.status).type('application/json; charset=utf-8').send(error.envelope());
  }
}
