import { Controller, Inject, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ServiceProbe } from '../health/service-probe.js';
import { GatewayTelemetry } from '../http/telemetry.js';
import { Route } from '../routes/route.js';
import { RouteRunner } from '../routes/route-runner.js';
import { dashboardData } from './dashboard-data.js';
import { DASHBOARD_CONTENT_SECURITY_POLICY, DASHBOARD_HTML } from './dashboard-page.js';
import { dashboardDataRoute, dashboardPageRoute } from './dashboard.routes.js';

@Controller()
export class DashboardController {
  constructor(
    @Inject(RouteRunner) private readonly routes: RouteRunner,
    @Inject(ServiceProbe) private readonly probe: ServiceProbe,
    @Inject(GatewayTelemetry) private readonly telemetry: GatewayTelemetry,
  ) {}

  @Route(dashboardPageRoute)
  page(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): string {
    this.routes.input(dashboardPageRoute, request);
    void reply
      .header('content-security-policy', DASHBOARD_CONTENT_SECURITY_POLICY)
      .header('referrer-policy', 'no-referrer')
      .header('cache-control', 'no-store');
    return DASHBOARD_HTML;
  }

  @Route(dashboardDataRoute)
  async data(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    this.routes.input(dashboardDataRoute, request);
    const requestId = String(request.id);
    const [health, metrics] = await Promise.all([
      this.probe.healthOfAll(requestId),
      this.probe.metricsOfAll(requestId),
    ]);
    void reply.header('cache-control', 'no-store');
    return dashboardData(health, metrics, this.telemetry.recentErrors());
  }
}
