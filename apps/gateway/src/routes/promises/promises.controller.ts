import { Controller, Inject, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Route } from '../route.js';
import { RouteRunner } from '../route-runner.js';
import {
  configureCalendarsRoute,
  configureCarriersRoute,
  getPromiseRoute,
  keptRateRoute,
  quoteRoute,
} from './promises.routes.js';

@Controller()
export class PromisesController {
  constructor(@Inject(RouteRunner) private readonly routes: RouteRunner) {}

  @Route(quoteRoute)
  quote(@Req() request: FastifyRequest) {
    return this.routes.forward(quoteRoute, request);
  }

  // Declared before `:promiseId` so the static path is never read as an id.
  @Route(keptRateRoute)
  keptRate(@Req() request: FastifyRequest) {
    return this.routes.forward(keptRateRoute, request);
  }

  @Route(getPromiseRoute)
  get(@Req() request: FastifyRequest) {
    return this.routes.forward(getPromiseRoute, request);
  }

  @Route(configureCarriersRoute)
  configureCarriers(@Req() request: FastifyRequest) {
    return this.routes.forward(configureCarriersRoute, request);
  }

  @Route(configureCalendarsRoute)
  configureCalendars(@Req() request: FastifyRequest) {
    return this.routes.forward(configureCalendarsRoute, request);
  }
}
