import { promise } from '@omnistock/contracts';
import { ServiceRuntime, serveRequest } from '@omnistock/service-kit';
import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { configureCalendars } from './configure-calendars.js';
import { configureCarriers } from './configure-carriers.js';

@Controller()
export class ConfigurationHandler {
  constructor(@Inject(ServiceRuntime) private readonly runtime: ServiceRuntime) {}

  @MessagePattern(promise.configureCarriers.subject)
  configureCarriers(@Payload() payload: unknown) {
    return serveRequest(this.runtime, promise.configureCarriers, payload, (request) =>
      configureCarriers(this.runtime.dataSource, request),
    );
  }

  @MessagePattern(promise.configureCalendars.subject)
  configureCalendars(@Payload() payload: unknown) {
    return serveRequest(this.runtime, promise.configureCalendars, payload, (request) =>
      configureCalendars(this.runtime, request),
    );
  }
}
