import { ledger } from '@omnistock/contracts';
import { ServiceRuntime, serveRequest } from '@omnistock/service-kit';
import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { availability } from './availability.js';

@Controller()
export class AvailabilityHandler {
  constructor(@Inject(ServiceRuntime) private readonly runtime: ServiceRuntime) {}

  @MessagePattern(ledger.availability.subject)
  availability(@Payload() payload: unknown) {
    return serveRequest(this.runtime, ledger.availability, payload, (r) =>
      availability(this.runtime.dataSource, r),
    );
  }
}
