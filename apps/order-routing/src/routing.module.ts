import { Module } from '@nestjs/common';
import { SagaEngine, ServiceRuntime } from '@omnistock/service-kit';
import { FulfilmentsHandler } from './fulfilments/fulfilments.handler.js';
import { LockerFitHandler } from './lockers/check-fit/locker-fit.handler.js';
import { LockersHandler } from './lockers/lockers.handler.js';
import { OrdersHandler } from './orders/orders.handler.js';
import { routingSagaEngine } from './sagas/routing-sagas.js';

@Module({
  controllers: [OrdersHandler, FulfilmentsHandler, LockersHandler, LockerFitHandler],
  providers: [{ provide: SagaEngine, useFactory: routingSagaEngine, inject: [ServiceRuntime] }],
})
export class RoutingModule {}
