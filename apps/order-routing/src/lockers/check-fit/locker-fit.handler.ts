import { routing } from '@omnistock/contracts';
import { ServiceRuntime, serveRequest } from '@omnistock/service-kit';
import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { checkLockerFit } from './check-locker-fit.js';

/** Read-only: whether an order's lines would fit a locker now (the promise service's quotes ask). */
@Controller()
export class LockerFitHandler {
  constructor(@Inject(ServiceRuntime) private readonly runtime: ServiceRuntime) {}

  @MessagePattern(routing.lockerFit.subject)
  fit(@Payload() payload: unknown) {
    return serveRequest(this.runtime, routing.lockerFit, payload, (r) =>
      checkLockerFit(this.runtime.dataSource, r),
    );
  }
}
