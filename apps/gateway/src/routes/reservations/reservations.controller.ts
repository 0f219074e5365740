import { Controller, Inject, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Route } from '../route.js';
import { RouteRunner } from '../route-runner.js';
import {
  extendRoute,
  getReservationRoute,
  releaseRoute,
  reserveRoute,
} from './reservations.routes.js';

@Controller()
export class ReservationsController {
  constructor(@Inject(RouteRunner) private readonly routes: RouteRunner) {}

  @Route(reserveRoute)
  reserve(@Req() request: FastifyRequest) {
    return this.routes.forward(reserveRoute, request);
  }

  @Route(getReservationRoute)
  get(@Req() request: FastifyRequest) {
    return this.routes.forward(getReservationRoute, request);
  }

  @Route(releaseRoute)
  release(@Req() request: FastifyRequest) {
    return this.routes.forward(releaseRoute, request);
  }

  @Route(extendRoute)
  extend(@Req() request: FastifyRequest) {
    return this.routes.forward(extendRoute, request);
  }
}
