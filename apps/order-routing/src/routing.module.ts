import { Module } from '@nestjs/common';
import { FulfilmentsHandler } from './fulfilments/fulfilments.handler.js';
import { LockerFitHandler } from './lockers/check-fit/locker-fit.handler.js';
import { LockersHandler } from './lockers/lockers.handler.js';
import { OrdersHandler } from './orders/orders.handler.js';

@Module({ controllers: [OrdersHandler, FulfilmentsHandler, LockersHandler, LockerFitHandler] })
export class RoutingModule {}
