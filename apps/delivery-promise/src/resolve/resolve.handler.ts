import { promise } from '@omnistock/contracts';
import { ServiceRuntime, serveRequest } from '@omnistock/service-kit';
import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CLOCK, type Clock } from '../clock.js';
import { resolvePromise } from './resolve.js';

@Controller()
export class ResolveHandler {
  constructor(
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @MessagePattern(promise.resolvePromise.subject)
  resolve(@Payload() payload: unknown) {
    return serveRequest(this.runtime, promise.resolvePromise, payload, (request) =>
      resolvePromise(
        {
          runtime: this.runtime,
          nowMs: this.clock.nowMs(),
        },
        request,
      ),
    );
  }
}
