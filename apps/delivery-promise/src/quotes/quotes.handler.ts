import { promise } from '@omnistock/contracts';
import { ServiceRuntime, serveRequest } from '@omnistock/service-kit';
import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CLOCK, WINDOW_POLICY, type Clock } from '../clock.js';
import type { WindowPolicy } from '../windows/window-policy.js';
import { getPromise } from './get-promise.js';
import { quote } from './quote.js';

@Controller()
export class QuotesHandler {
  constructor(
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(WINDOW_POLICY) private readonly policy: WindowPolicy,
  ) {}

  @MessagePattern(promise.quote.subject)
  quote(@Payload() payload: unknown) {
    return serveRequest(this.runtime, promise.quote, payload, (request) =>
      quote(
        {
          runtime: this.runtime,
          policy: this.policy,
          nowMs: this.clock.nowMs(),
        },
        request,
      ),
    );
  }

  @MessagePattern(promise.getPromise.subject)
  get(@Payload() payload: unknown) {
    return serveRequest(this.runtime, promise.getPromise, payload, (request) =>
      getPromise(this.runtime.dataSource, request),
    );
  }
}
