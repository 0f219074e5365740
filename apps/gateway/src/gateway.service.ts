import type { ServiceDefinition } from '@omnistock/service-kit';
import { CreateGateway1732300000000 } from './migrations/1732300000000-create-gateway.js';
import { GatewayModule } from './gateway.module.js';

export const gatewayService: ServiceDefinition = {
  name: 'gateway',
  schema: 'gateway',
  module: GatewayModule,
  entities: [],
  migrations: [CreateGateway1732300000000],
};
