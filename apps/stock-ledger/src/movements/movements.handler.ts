import { ledger } from '@omnistock/contracts';
import { ServiceRuntime, serveRequest } from '@omnistock/service-kit';
import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { adjustStock } from './adjust-stock.js';
import { countStock } from './count-stock.js';
import { quarantineStock } from './quarantine.js';
import { receiveStock } from './receive-stock.js';
import { receiveTransfer } from './receive-transfer.js';
import { releaseQuarantine } from './release-quarantine.js';
import { restockReturn } from './restock-return.js';
import { sendTransfer } from './send-transfer.js';
import { writeOff } from './write-off.js';

@Controller()
export class MovementsHandler {
  constructor(@Inject(ServiceRuntime) private readonly runtime: ServiceRuntime) {}

  @MessagePattern(ledger.receiveStock.subject)
  receiveStock(@Payload() payload: unknown) {
    return serveRequest(this.runtime, ledger.receiveStock, payload, (r) =>
      receiveStock(this.runtime.dataSource, r),
    );
  }

  @MessagePattern(ledger.adjustStock.subject)
  adjustStock(@Payload() payload: unknown) {
    return serveRequest(this.runtime, ledger.adjustStock, payload, (r) =>
      adjustStock(this.runtime.dataSource, r),
    );
  }

  @MessagePattern(ledger.countStock.subject)
  countStock(@Payload() payload: unknown) {
    return serveRequest(this.runtime, ledger.countStock, payload, (r) =>
      countStock(this.runtime.dataSource, r),
    );
  }

  @MessagePattern(ledger.sendTransfer.subject)
  sendTransfer(@Payload() payload: unknown) {
    return serveRequest(this.runtime, ledger.sendTransfer, payload, (r) =>
      sendTransfer(this.runtime.dataSource, r),
    );
  }

  @MessagePattern(ledger.receiveTransfer.subject)
  receiveTransfer(@Payload() payload: unknown) {
    return serveRequest(this.runtime, ledger.receiveTransfer, payload, (r) =>
      receiveTransfer(this.runtime.dataSource, r),
    );
  }

  @MessagePattern(ledger.writeOff.subject)
  writeOff(@Payload() payload: unknown) {
    return serveRequest(this.runtime, ledger.writeOff, payload, (r) =>
      writeOff(this.runtime.dataSource, r),
    );
  }

  @MessagePattern(ledger.quarantineStock.subject)
  quarantine(@Payload() payload: unknown) {
    return serveRequest(this.runtime, ledger.quarantineStock, payload, (r) =>
      quarantineStock(this.runtime.dataSource, r),
    );
  }

  @MessagePattern(ledger.releaseQuarantine.subject)
  releaseQuarantine(@Payload() payload: unknown) {
    return serveRequest(this.runtime, ledger.releaseQuarantine, payload, (r) =>
      releaseQuarantine(this.runtime.dataSource, r),
    );
  }

  @MessagePattern(ledger.restockReturn.subject)
  restockReturn(@Payload() payload: unknown) {
    return serveRequest(this.runtime, ledger.restockReturn, payload, (r) =>
      restockReturn(this.runtime.dataSource, r),
    );
  }
}
