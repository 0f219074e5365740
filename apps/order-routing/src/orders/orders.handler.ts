import { routing } from '@omnistock/contracts';
import { SagaEngine, ServiceRuntime, serveRequest } from '@omnistock/service-kit';
import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { cancelOrder } from './cancel-order/cancel-order.js';
import { getOrder } from './get-order/get-order.js';
import { setRoutingRules } from '../rules/set-routing-rules.js';
import { simulate } from '../simulate/simulate.js';
import { createOrder } from './create-order/create-order.js';

/** The NATS edge of orders: validate, run the use case, map its failures to the envelope. */
@Controller()
export class OrdersHandler {
  constructor(
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    @Inject(SagaEngine) private readonly sagas: SagaEngine,
  ) {}

  @MessagePattern(routing.createOrder.subject)
  create(@Payload() payload: unknown) {
    return serveRequest(this.runtime, routing.createOrder, payload, (r) =>
      createOrder(this.sagas, r),
    );
  }

  @MessagePattern(routing.getOrder.subject)
  get(@Payload() payload: unknown) {
    return serveRequest(this.runtime, routing.getOrder, payload, (r) => getOrder(this.runtime, r));
  }

  @MessagePattern(routing.simulate.subject)
  simulate(@Payload() payload: unknown) {
    return serveRequest(this.runtime, routing.simulate, payload, (r) => simulate(this.runtime, r));
  }

  @MessagePattern(routing.setRoutingRules.subject)
  setRules(@Payload() payload: unknown) {
    return serveRequest(this.runtime, routing.setRoutingRules, payload, (r) =>
      setRoutingRules(this.runtime, r),
    );
  }

  @MessagePattern(routing.cancelOrder.subject)
  cancel(@Payload() payload: unknown) {
    return serveRequest(this.runtime, routing.cancelOrder, payload, (r) =>
      cancelOrder(this.sagas, r),
    );
  }
}
