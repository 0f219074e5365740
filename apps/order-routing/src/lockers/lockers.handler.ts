import { routing } from '@omnistock/contracts';
import { ServiceRuntime, serveRequest } from '@omnistock/service-kit';
import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { configureLocker, setSkuSizes } from './locker-store.js';

/** Locker reference data: compartments per size, and the parcel size of each SKU. */
@Controller()
export class LockersHandler {
  constructor(@Inject(ServiceRuntime) private readonly runtime: ServiceRuntime) {}

  @MessagePattern(routing.configureLocker.subject)
  configure(@Payload() payload: unknown) {
    return serveRequest(this.runtime, routing.configureLocker, payload, (r) =>
      configureLocker(this.runtime, r),
    );
  }

  @MessagePattern(routing.setSkuSizes.subject)
  sizes(@Payload() payload: unknown) {
    return serveRequest(this.runtime, routing.setSkuSizes, payload, (r) =>
      setSkuSizes(this.runtime, r),
    );
  }
}
