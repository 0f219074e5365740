import { returns } from '@omnistock/contracts';
import { ServiceRuntime, serveRequest } from '@omnistock/service-kit';
import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { cancelReturn } from './cancel/cancel-return.js';
import { createReturn } from './create/create-return.js';
import { inspectReturn } from './inspect/inspect-return.js';
import { configureReturnPolicies } from './policies/return-policy.js';
import { getReturn } from './query/get-return.js';
import { receiveReturn } from './receive/receive-return.js';

@Controller()
export class ReturnsHandler {
  constructor(@Inject(ServiceRuntime) private readonly runtime: ServiceRuntime) {}

  @MessagePattern(returns.createReturn.subject)
  create(@Payload() payload: unknown) {
    return serveRequest(this.runtime, returns.createReturn, payload, (r) =>
      createReturn(this.runtime, r),
    );
  }

  @MessagePattern(returns.receiveReturn.subject)
  receive(@Payload() payload: unknown) {
    return serveRequest(this.runtime, returns.receiveReturn, payload, (r) =>
      receiveReturn(this.runtime, r),
    );
  }

  @MessagePattern(returns.inspectReturn.subject)
  inspect(@Payload() payload: unknown) {
    return serveRequest(this.runtime, returns.inspectReturn, payload, (r) =>
      inspectReturn(this.runtime, r),
    );
  }

  @MessagePattern(returns.getReturn.subject)
  get(@Payload() payload: unknown) {
    return serveRequest(this.runtime, returns.getReturn, payload, (r) =>
      getReturn(this.runtime.dataSource, r),
    );
  }

  @MessagePattern(returns.cancelReturn.subject)
  cancel(@Payload() payload: unknown) {
    return serveRequest(this.runtime, returns.cancelReturn, payload, (r) =>
      cancelReturn(this.runtime, r),
    );
  }

  @MessagePattern(returns.configureReturnPolicies.subject)
  configure(@Payload() payload: unknown) {
    return serveRequest(this.runtime, returns.configureReturnPolicies, payload, (r) =>
      configureReturnPolicies(this.runtime, r),
    );
  }
}
