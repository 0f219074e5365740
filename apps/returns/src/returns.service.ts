import type { ServiceDefinition } from '@omnistock/service-kit';
import { ReturnExpirySweeper } from './expiry/expiry-sweeper.js';
import { CreateReturns1732300000000 } from './migrations/1732300000000-create-returns.js';
import { CreateReturnTables1732600000000 } from './migrations/1732600000000-create-return-tables.js';
import { AddResellableTo1732700000000 } from './migrations/1732700000000-add-resellable-to.js';
import { ReturnSagas1733100000000 } from './migrations/1733100000000-return-sagas.js';
import { ReturnsModule } from './returns.module.js';
import { returnSagas } from './sagas/return-sagas.js';

export const returnsService: ServiceDefinition = {
  name: 'returns',
  schema: 'returns',
  module: ReturnsModule,
  entities: [],
  migrations: [
    CreateReturns1732300000000,
    CreateReturnTables1732600000000,
    AddResellableTo1732700000000,
    ReturnSagas1733100000000,
  ],
  workers: (runtime) => [new ReturnExpirySweeper(runtime), returnSagas(runtime).worker()],
};
