import type { ServiceDefinition } from '@omnistock/service-kit';
import { CreateReturns1732300000000 } from './migrations/1732300000000-create-returns.js';
import { ReturnsModule } from './returns.module.js';

export const returnsService: ServiceDefinition = {
  name: 'returns',
  schema: 'returns',
  module: ReturnsModule,
  entities: [],
  migrations: [CreateReturns1732300000000],
};
