import { ledger } from '@omnistock/contracts';
import { ServiceRuntime, serveRequest } from '@omnistock/service-kit';
import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { commit } from './commit.js';
import { extend } from './extend.js';
import { fulfil } from './fulfil.js';
import { getHold } from './get-hold.js';
import { moveHold } from './move.js';
import { release } from './release.js';
import { HoldBatcher } from './hold-batcher.js';
import { transferHold } from './transfer-hold.js';

@Controller()
export class HoldsHandler {
  constructor(
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    @Inject(HoldBatcher) private readonly batcher: HoldBatcher,
  ) {}

  @MessagePattern(ledger.reserve.subject)
  reserve(@Payload() payload: unknown) {
    return serveRequest(this.runtime, ledger.reserve, payload, (r) => this.batcher.submit(r));
  }

  @MessagePattern(ledger.release.subject)
  release(@Payload() payload: unknown) {
    return serveRequest(this.runtime, ledger.release, payload, (r) =>
      release(this.runtime.dataSource, r),
    );
  }

  @MessagePattern(ledger.extend.subject)
  extend(@Payload() payload: unknown) {
    return serveRequest(this.runtime, ledger.extend, payload, (r) =>
      extend(this.runtime.dataSource, r),
    );
  }

  @MessagePattern(ledger.commit.subject)
  commit(@Payload() payload: unknown) {
    return serveRequest(this.runtime, ledger.commit, payload, (r) =>
      commit(this.runtime.dataSource, r),
    );
  }

  @MessagePattern(ledger.fulfil.subject)
  fulfil(@Payload() payload: unknown) {
    return serveRequest(this.runtime, ledger.fulfil, payload, (r) =>
      fulfil(this.runtime.dataSource, r),
    );
  }

  @MessagePattern(ledger.moveHold.subject)
  move(@Payload() payload: unknown) {
    return serveRequest(this.runtime, ledger.moveHold, payload, (r) =>
      moveHold(this.runtime.dataSource, r),
    );
  }

  @MessagePattern(ledger.getHold.subject)
  get(@Payload() payload: unknown) {
    return serveRequest(this.runtime, ledger.getHold, payload, (r) =>
      getHold(this.runtime.dataSource, r),
    );
  }

  @MessagePattern(ledger.transferHold.subject)
  transfer(@Payload() payload: unknown) {
    return serveRequest(this.runtime, ledger.transferHold, payload, (r) =>
      transferHold(this.runtime.dataSource, r),
    );
  }
}
