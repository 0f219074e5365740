import { Controller, Inject, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Route } from '../route.js';
import { RouteRunner } from '../route-runner.js';
import { cancelOrderRoute, createOrderRoute, getOrderRoute } from './orders.routes.js';

@Controller()
export class OrdersController {
  constructor(@Inject(RouteRunner) private readonly routes: RouteRunner) {}

  @Route(createOrderRoute)
  create(@Req() request: FastifyRequest) {
    return this.routes.forward(createOrderRoute, request);
  }

  @Route(getOrderRoute)
  get(@Req() request: FastifyRequest) {
    return this.routes.forward(getOrderRoute, request);
  }

  @Route(cancelOrderRoute)
  cancel(@Req() request: FastifyRequest) {
    return this.routes.forward(cancelOrderRoute, request);
  }
}
