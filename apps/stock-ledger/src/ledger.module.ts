import { Module } from '@nestjs/common';
import { ServiceRuntime } from '@omnistock/service-kit';
import { AuditHandler } from './audit/audit.handler.js';
import { AvailabilityHandler } from './availability/availability.handler.js';
import { HoldBatcher } from './holds/hold-batcher.js';
import { HoldsHandler } from './holds/holds.handler.js';
import { MovementsHandler } from './movements/movements.handler.js';
import { ReferenceHandler } from './reference/reference.handler.js';

@Module({
  controllers: [
    ReferenceHandler,
    MovementsHandler,
    HoldsHandler,
    AvailabilityHandler,
    AuditHandler,
  ],
  providers: [
    {
      provide: HoldBatcher,
      useFactory: (runtime: ServiceRuntime) => new HoldBatcher(runtime),
      inject: [ServiceRuntime],
    },
  ],
})
export class LedgerModule {}
