import { asyncApiDocument } from '@omnistock/contracts';
import { Controller, Inject, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ALL_ROUTES } from '../routes/all-routes.js';
import { Route } from '../routes/route.js';
import { RouteRunner } from '../routes/route-runner.js';
import { asyncApiRoute, openApiRoute } from './docs.routes.js';
import { openApiDocument } from './openapi.js';

@Controller()
export class DocsController {
  /** Built once: the route table and the contracts do not change while the process runs. */
  private readonly openApi = openApiDocument(ALL_ROUTES);
  private readonly asyncApi = asyncApiDocument();

  constructor(@Inject(RouteRunner) private readonly routes: RouteRunner) {}

  @Route(openApiRoute)
  openapi(@Req() request: FastifyRequest) {
    this.routes.input(openApiRoute, request);
    return this.openApi;
  }

  @Route(asyncApiRoute)
  asyncapi(@Req() request: FastifyRequest) {
    this.routes.input(asyncApiRoute, request);
    return this.asyncApi;
  }
}
