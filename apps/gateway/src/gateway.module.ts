import { ServiceRuntime } from '@omnistock/service-kit';
import { Module, type DynamicModule } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApiKeyStore } from './auth/api-key.store.js';
import { RateLimiter } from './auth/rate-limiter.js';
import type { GatewayConfig } from './config.js';
import { DashboardController } from './dashboard/dashboard.controller.js';
import { DocsController } from './docs/docs.controller.js';
import { HealthController } from './health/health.controller.js';
import { ServiceProbe } from './health/service-probe.js';
import { GatewayTelemetry } from './http/telemetry.js';
import { MetricsController } from './metrics/metrics.controller.js';
import { ApiKeysController } from './routes/api-keys/api-keys.controller.js';
import { AvailabilityController } from './routes/availability/availability.controller.js';
import { GATEWAY_SETTINGS, type GatewaySettings } from './routes/gateway-settings.js';
import { ReferenceController } from './routes/reference/reference.controller.js';
import { ReservationsController } from './routes/reservations/reservations.controller.js';
import { RouteRunner } from './routes/route-runner.js';
import { StockController } from './routes/stock/stock.controller.js';
import { ReturnsController } from './routes/returns/returns.controller.js';
import { OrdersController } from './routes/orders/orders.controller.js';
import { FulfilmentsController } from './routes/fulfilments/fulfilments.controller.js';
import { PromisesController } from './routes/promises/promises.controller.js';

/** The HTTP gateway: controllers per resource over one route runner, keys, limits and the on-call views. */
@Module({})
export class GatewayModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    const settings: GatewaySettings = {
      natsTimeoutMs: config.natsTimeoutMs,
      healthTimeoutMs: config.healthTimeoutMs,
    };
    return {
      module: GatewayModule,
      controllers: [
        AvailabilityController,
        ReservationsController,
        ReferenceController,
        StockController,
        ApiKeysController,
        HealthController,
        MetricsController,
        DashboardController,
        DocsController,
        ReturnsController,
        OrdersController,
        FulfilmentsController,
        PromisesController,
      ],
      providers: [
        { provide: GATEWAY_SETTINGS, useValue: settings },
        {
          provide: RateLimiter,
          useValue: new RateLimiter(config.rateLimitPerSecond, config.rateLimitBurst),
        },
        {
          provide: ApiKeyStore,
          useFactory: (dataSource: DataSource) => new ApiKeyStore(dataSource),
          inject: [DataSource],
        },
        {
          provide: GatewayTelemetry,
          useFactory: (runtime: ServiceRuntime) => new GatewayTelemetry(runtime.metrics),
          inject: [ServiceRuntime],
        },
        RouteRunner,
        ServiceProbe,
      ],
    };
  }
}
