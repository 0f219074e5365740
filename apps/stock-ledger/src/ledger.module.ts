import { Module } from '@nestjs/common';
import { AuditHandler } from './audit/audit.handler.js';
import { AvailabilityHandler } from './availability/availability.handler.js';
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
})
export class LedgerModule {}
