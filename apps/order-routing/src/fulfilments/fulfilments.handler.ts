import { routing } from '@omnistock/contracts';
import { SagaEngine, ServiceRuntime, serveRequest } from '@omnistock/service-kit';
import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { closeCycleCount, listCycleCounts } from '../cycle-counts/cycle-counts.js';
import { getFulfilment } from './get/get-fulfilment.js';
import { listFulfilments } from './list/list-fulfilments.js';
import { rejectFulfilment } from './reject/reject-fulfilment.js';
import { moveFulfilment } from './transition/move-fulfilment.js';

/** The NATS edge a warehouse or store system talks to: one subject per lifecycle command. */
@Controller()
export class FulfilmentsHandler {
  constructor(
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    @Inject(SagaEngine) private readonly sagas: SagaEngine,
  ) {}

  @MessagePattern(routing.acceptFulfilment.subject)
  accept(@Payload() payload: unknown) {
    return serveRequest(this.runtime, routing.acceptFulfilment, payload, (r) =>
      moveFulfilment(this.sagas, r, 'accepted'),
    );
  }

  @MessagePattern(routing.rejectFulfilment.subject)
  reject(@Payload() payload: unknown) {
    return serveRequest(this.runtime, routing.rejectFulfilment, payload, (r) =>
      rejectFulfilment(this.sagas, r),
    );
  }

  @MessagePattern(routing.shipFulfilment.subject)
  ship(@Payload() payload: unknown) {
    return serveRequest(this.runtime, routing.shipFulfilment, payload, (r) =>
      moveFulfilment(this.sagas, r, 'shipped'),
    );
  }

  @MessagePattern(routing.readyFulfilment.subject)
  ready(@Payload() payload: unknown) {
    return serveRequest(this.runtime, routing.readyFulfilment, payload, (r) =>
      moveFulfilment(this.sagas, r, 'ready_for_pickup'),
    );
  }

  @MessagePattern(routing.collectFulfilment.subject)
  collect(@Payload() payload: unknown) {
    return serveRequest(this.runtime, routing.collectFulfilment, payload, (r) =>
      moveFulfilment(this.sagas, r, 'collected'),
    );
  }

  @MessagePattern(routing.deliverFulfilment.subject)
  deliver(@Payload() payload: unknown) {
    return serveRequest(this.runtime, routing.deliverFulfilment, payload, (r) =>
      moveFulfilment(this.sagas, r, 'delivered'),
    );
  }

  @MessagePattern(routing.getFulfilment.subject)
  get(@Payload() payload: unknown) {
    return serveRequest(this.runtime, routing.getFulfilment, payload, (r) =>
      getFulfilment(this.runtime, r),
    );
  }

  @MessagePattern(routing.listCycleCounts.subject)
  cycleCounts(@Payload() payload: unknown) {
    return serveRequest(this.runtime, routing.listCycleCounts, payload, (r) =>
      listCycleCounts(this.runtime, r),
    );
  }

  @MessagePattern(routing.closeCycleCount.subject)
  closeCycleCount(@Payload() payload: unknown) {
    return serveRequest(this.runtime, routing.closeCycleCount, payload, (r) =>
      closeCycleCount(this.runtime, r),
    );
  }

  @MessagePattern(routing.listFulfilments.subject)
  list(@Payload() payload: unknown) {
    return serveRequest(this.runtime, routing.listFulfilments, payload, (r) =>
      listFulfilments(this.runtime, r),
    );
  }
}
