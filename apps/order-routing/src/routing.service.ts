import { SagaEngine, type ServiceDefinition } from '@omnistock/service-kit';
import { holdLostConsumer } from './fulfilments/hold-lost/hold-lost.consumer.js';
import { CreateRouting1732300000000 } from './migrations/1732300000000-create-routing.js';
import { CreateOrders1732500000000 } from './migrations/1732500000000-create-orders.js';
import { CreateLockers1732500000001 } from './migrations/1732500000001-create-lockers.js';
import { CreateRoutingRules1732500000002 } from './migrations/1732500000002-create-routing-rules.js';
import { AddCancelledLines1732500000003 } from './migrations/1732500000003-add-cancelled-lines.js';
import { CreateSagas1733000000000 } from './migrations/1733000000000-create-sagas.js';
import { RoutingModule } from './routing.module.js';

export const routingService: ServiceDefinition = {
  name: 'routing',
  schema: 'routing',
  module: RoutingModule,
  entities: [],
  migrations: [
    CreateRouting1732300000000,
    CreateOrders1732500000000,
    CreateLockers1732500000001,
    CreateRoutingRules1732500000002,
    AddCancelledLines1732500000003,
    CreateSagas1733000000000,
  ],
  workers: (runtime, app) => {
    const engine = app.get(SagaEngine);
    return [engine.worker(), holdLostConsumer(runtime, engine)];
  },
};
