import { Controller, Inject, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Route } from '../route.js';
import { RouteRunner } from '../route-runner.js';
import { availabilityRoute } from './availability.route.js';

@Controller()
export class AvailabilityController {
  constructor(@Inject(RouteRunner) private readonly routes: RouteRunner) {}

  @Route(availabilityRoute)
  availability(@Req() request: FastifyRequest) {
    return this.routes.forward(availabilityRoute, request);
  }
}
