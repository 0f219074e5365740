import { Controller, Inject, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Route } from '../route.js';
import { RouteRunner } from '../route-runner.js';
import {
  createReturnRoute,
  getReturnRoute,
  inspectReturnRoute,
  receiveReturnRoute,
} from './returns.routes.js';

@Controller()
export class ReturnsController {
  constructor(@Inject(RouteRunner) private readonly routes: RouteRunner) {}

  @Route(createReturnRoute)
  create(@Req() request: FastifyRequest) {
    return this.routes.forward(createReturnRoute, request);
  }

  @Route(receiveReturnRoute)
  receive(@Req() request: FastifyRequest) {
    return this.routes.forward(receiveReturnRoute, request);
  }

  @Route(inspectReturnRoute)
  inspect(@Req() request: FastifyRequest) {
    return this.routes.forward(inspectReturnRoute, request);
  }

  @Route(getReturnRoute)
  get(@Req() request: FastifyRequest) {
    return this.routes.forward(getReturnRoute, request);
  }
}
