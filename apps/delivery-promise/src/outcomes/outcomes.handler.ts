import { promise } from '@omnistock/contracts';
import { ServiceRuntime, serveRequest } from '@omnistock/service-kit';
import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { keptRate } from './kept-rate.js';

@Controller()
export class OutcomesHandler {
  constructor(@Inject(ServiceRuntime) private readonly runtime: ServiceRuntime) {}

  @MessagePattern(promise.keptRate.subject)
  keptRate(@Payload() payload: unknown) {
    return serveRequest(this.runtime, promise.keptRate, payload, (request) =>
      keptRate(this.runtime.dataSource, request),
    );
  }
}
