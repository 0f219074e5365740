import { LIMITS } from '@omnistock/contracts';
import {
  startHttpService,
  type HttpServiceDefinition,
  type RunningHttpService,
} from '@omnistock/service-kit';
import { ApiKeyStore } from './auth/api-key.store.js';
import { installAuthentication } from './auth/authenticate.js';
import { RateLimiter } from './auth/rate-limiter.js';
import type { GatewayConfig } from './config.js';
import { GatewayModule } from './gateway.module.js';
import { EnvelopeFilter } from './http/envelope.filter.js';
import { frameworkErrors } from './http/framework-errors.js';
import { acceptJsonBodiesOnly } from './http/json-body.js';
import { requestIdOf } from './http/request-id.js';
import { installRequestLog } from './http/request-log.js';
import { GatewayTelemetry } from './http/telemetry.js';
import { CreateGateway1732300000000 } from './migrations/1732300000000-create-gateway.js';
import { CreateApiKeys1732400000000 } from './migrations/1732400000000-create-api-keys.js';
import { ApiKeyChannels1733000000000 } from './migrations/1733000000000-api-key-channels.js';
import { ALL_ROUTES } from './routes/all-routes.js';
import { RouteTable } from './routes/route-table.js';

/** A connection that has not sent its request within this long is closed (slow clients hold sockets). */
const CONNECTION_TIMEOUT_MS = 30_000;

export function gatewayDefinition(config: GatewayConfig): HttpServiceDefinition {
  return {
    name: 'gateway',
    schema: 'gateway',
    module: GatewayModule.forRoot(config),
    entities: [],
    migrations: [
      CreateGateway1732300000000,
      CreateApiKeys1732400000000,
      ApiKeyChannels1733000000000,
    ],
    adapterOptions: {
      bodyLimit: LIMITS.payload_bytes_max,
      genReqId: requestIdOf,
      requestIdHeader: false,
      connectionTimeout: CONNECTION_TIMEOUT_MS,
      // Ids may be id_length_max long; longer ones are refused by the schema (or frameworkErrors) with a 400.
      maxParamLength: LIMITS.id_length_max,
      frameworkErrors,
    },
    configure: async (app, runtime) => {
      const instance = app.getHttpAdapter().getInstance();
      const telemetry = app.get(GatewayTelemetry);
      const keys = app.get(ApiKeyStore);
      acceptJsonBodiesOnly(instance);
      installRequestLog(instance, runtime.logger, telemetry);
      installAuthentication(instance, new RouteTable(ALL_ROUTES), keys, app.get(RateLimiter));
      app.useGlobalFilters(new EnvelopeFilter(runtime.logger, telemetry));
      if (config.adminKey) await keys.installBootstrapAdmin(config.adminKey);
      else
        runtime.logger.warn(
          'OMNISTOCK_ADMIN_KEY is not set: only keys already stored can call the gateway',
        );
    },
  };
}

export function startGateway(config: GatewayConfig): Promise<RunningHttpService> {
  return startHttpService(gatewayDefinition(config), config.service, {
    port: config.port,
    host: config.host,
  });
}
