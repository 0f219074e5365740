import { Controller, Inject, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Route } from '../routes/route.js';
import { RouteRunner } from '../routes/route-runner.js';
import { healthRoute } from './health.routes.js';
import { describeProblem } from './describe-problem.js';
import { ServiceProbe } from './service-probe.js';

@Controller()
export class HealthController {
  constructor(
    @Inject(RouteRunner) private readonly routes: RouteRunner,
    @Inject(ServiceProbe) private readonly probe: ServiceProbe,
  ) {}

  /** A report rather than the error envelope even at 503: the point is to say what is wrong, per service. */
  @Route(healthRoute)
  async health(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    this.routes.input(healthRoute, request);
    const services = await this.probe.healthOfAll(String(request.id));
    const problems = services.filter((service) => service.status !== 'ok').map(describeProblem);
    // Sent here: Nest would otherwise apply the route's 200 over the 503.
    void reply
      .status(problems.length === 0 ? 200 : 503)
      .send({ status: problems.length === 0 ? 'ok' : 'degraded', problems, services });
  }
}
