import { Controller, Inject, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Route } from '../route.js';
import { RouteRunner } from '../route-runner.js';
import { upsertChannelsRoute, upsertLocationsRoute, upsertSkusRoute } from './reference.routes.js';

@Controller()
export class ReferenceController {
  constructor(@Inject(RouteRunner) private readonly routes: RouteRunner) {}

  @Route(upsertLocationsRoute)
  locations(@Req() request: FastifyRequest) {
    return this.routes.forward(upsertLocationsRoute, request);
  }

  @Route(upsertSkusRoute)
  skus(@Req() request: FastifyRequest) {
    return this.routes.forward(upsertSkusRoute, request);
  }

  @Route(upsertChannelsRoute)
  channels(@Req() request: FastifyRequest) {
    return this.routes.forward(upsertChannelsRoute, request);
  }
}
