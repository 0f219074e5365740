import { Controller, Inject, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ServiceProbe, type ServiceMetricsText } from '../health/service-probe.js';
import { Route } from '../routes/route.js';
import { RouteRunner } from '../routes/route-runner.js';
import { metricsRoute } from './metrics.routes.js';
import { escapeLabelValue, mergeExpositions } from './prometheus-text.js';

/** Whether each service's metrics could be read, and how long that took: a silent service is a signal too. */
export function scrapeExposition(results: ServiceMetricsText[]): string {
  const line = (name: string, service: string, value: number) =>
    `${name}{service="${escapeLabelValue(service)}"} ${value}`;
  return [
    '# HELP omnistock_gateway_scrape_up Whether the gateway read the service`s metrics over NATS (1) or not (0).',
    '# TYPE omnistock_gateway_scrape_up gauge',
    ...results.map((result) =>
      line('omnistock_gateway_scrape_up', result.service, result.ok ? 1 : 0),
    ),
    '# HELP omnistock_gateway_scrape_duration_seconds How long the service took to answer its metrics subject.',
    '# TYPE omnistock_gateway_scrape_duration_seconds gauge',
    ...results.map((result) =>
      line('omnistock_gateway_scrape_duration_seconds', result.service, result.latencyMs / 1000),
    ),
    '',
  ].join('\n');
}

@Controller()
export class MetricsController {
  constructor(
    @Inject(RouteRunner) private readonly routes: RouteRunner,
    @Inject(ServiceProbe) private readonly probe: ServiceProbe,
  ) {}

  @Route(metricsRoute)
  async metrics(@Req() request: FastifyRequest): Promise<string> {
    this.routes.input(metricsRoute, request);
    const results = await this.probe.metricsOfAll(String(request.id));
    const sources = results
      .filter((result) => result.ok)
      .map((result) => ({ service: result.service, text: result.text! }));
    return mergeExpositions([...sources, { service: 'gateway', text: scrapeExposition(results) }]);
  }
}
