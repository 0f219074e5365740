import type { ServiceDefinition } from '@omnistock/service-kit';
import { LEDGER_ENTITIES } from './entities/index.js';
import { ExpirySweeper } from './holds/expiry-sweeper.js';
import { LedgerModule } from './ledger.module.js';
import { CreateLedger1732300000000 } from './migrations/1732300000000-create-ledger.js';
import { HoldOwners1733000000000 } from './migrations/1733000000000-hold-owners.js';

export const ledgerService: ServiceDefinition = {
  name: 'ledger',
  schema: 'ledger',
  module: LedgerModule,
  entities: LEDGER_ENTITIES,
  migrations: [CreateLedger1732300000000, HoldOwners1733000000000],
  workers: (runtime) => [new ExpirySweeper(runtime)],
};
