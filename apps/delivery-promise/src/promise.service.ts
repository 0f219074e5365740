import type { ServiceDefinition } from '@omnistock/service-kit';
import { CreatePromise1732300000000 } from './migrations/1732300000000-create-promise.js';
import { PromiseModule } from './promise.module.js';

export const promiseService: ServiceDefinition = {
  name: 'promise',
  schema: 'promise',
  module: PromiseModule,
  entities: [],
  migrations: [CreatePromise1732300000000],
};
