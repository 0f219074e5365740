import type { ServiceDefinition } from '@omnistock/service-kit';
import { CreateRouting1732300000000 } from './migrations/1732300000000-create-routing.js';
import { RoutingModule } from './routing.module.js';

export const routingService: ServiceDefinition = {
  name: 'routing',
  schema: 'routing',
  module: RoutingModule,
  entities: [],
  migrations: [CreateRouting1732300000000],
};
