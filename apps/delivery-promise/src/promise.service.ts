import type { ServiceDefinition } from '@omnistock/service-kit';
import { CreatePromise1732300000000 } from './migrations/1732300000000-create-promise.js';
import { PromiseTables1732400000000 } from './migrations/1732400000000-promise-tables.js';
import { outcomeConsumer } from './outcomes/outcome-consumer.js';
import { PromiseModule } from './promise.module.js';
import { RetentionSweeper } from './retention/retention-sweeper.js';

export const promiseService: ServiceDefinition = {
  name: 'promise',
  schema: 'promise',
  module: PromiseModule,
  entities: [],
  migrations: [CreatePromise1732300000000, PromiseTables1732400000000],
  workers: (runtime) => [outcomeConsumer(runtime), new RetentionSweeper(runtime)],
};
