import { Controller, Inject, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Route } from '../route.js';
import { RouteRunner } from '../route-runner.js';
import {
  acceptFulfilmentRoute,
  collectFulfilmentRoute,
  deliverFulfilmentRoute,
  listFulfilmentsRoute,
  readyFulfilmentRoute,
  rejectFulfilmentRoute,
  shipFulfilmentRoute,
} from './fulfilments.routes.js';

@Controller()
export class FulfilmentsController {
  constructor(@Inject(RouteRunner) private readonly routes: RouteRunner) {}

  @Route(listFulfilmentsRoute)
  list(@Req() request: FastifyRequest) {
    return this.routes.forward(listFulfilmentsRoute, request);
  }

  @Route(acceptFulfilmentRoute)
  accept(@Req() request: FastifyRequest) {
    return this.routes.forward(acceptFulfilmentRoute, request);
  }

  @Route(rejectFulfilmentRoute)
  reject(@Req() request: FastifyRequest) {
    return this.routes.forward(rejectFulfilmentRoute, request);
  }

  @Route(shipFulfilmentRoute)
  ship(@Req() request: FastifyRequest) {
    return this.routes.forward(shipFulfilmentRoute, request);
  }

  @Route(readyFulfilmentRoute)
  ready(@Req() request: FastifyRequest) {
    return this.routes.forward(readyFulfilmentRoute, request);
  }

  @Route(collectFulfilmentRoute)
  collect(@Req() request: FastifyRequest) {
    return this.routes.forward(collectFulfilmentRoute, request);
  }

  @Route(deliverFulfilmentRoute)
  deliver(@Req() request: FastifyRequest) {
    return this.routes.forward(deliverFulfilmentRoute, request);
  }
}
