import { ledger } from '@omnistock/contracts';
import { ServiceRuntime, serveRequest } from '@omnistock/service-kit';
import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { audit } from './audit.js';
import { reconcile } from './reconcile.js';

@Controller()
export class AuditHandler {
  constructor(@Inject(ServiceRuntime) private readonly runtime: ServiceRuntime) {}

  @MessagePattern(ledger.audit.subject)
  audit(@Payload() payload: unknown) {
    return serveRequest(this.runtime, ledger.audit, payload, (r) =>
      audit(this.runtime.dataSource, r),
    );
  }

  @MessagePattern(ledger.reconcile.subject)
  reconcile(@Payload() payload: unknown) {
    return serveRequest(this.runtime, ledger.reconcile, payload, () =>
      reconcile(this.runtime.dataSource),
    );
  }
}
