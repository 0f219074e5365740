import { ledger } from '@omnistock/contracts';
import { ServiceRuntime, serveRequest } from '@omnistock/service-kit';
import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { listLocations } from './list-locations.js';
import { upsertChannels } from './upsert-channels.js';
import { upsertLocations } from './upsert-locations.js';
import { upsertSkus } from './upsert-skus.js';

@Controller()
export class ReferenceHandler {
  constructor(@Inject(ServiceRuntime) private readonly runtime: ServiceRuntime) {}

  @MessagePattern(ledger.upsertLocations.subject)
  upsertLocations(@Payload() payload: unknown) {
    return serveRequest(this.runtime, ledger.upsertLocations, payload, (r) =>
      upsertLocations(this.runtime.dataSource, r),
    );
  }

  @MessagePattern(ledger.listLocations.subject)
  listLocations(@Payload() payload: unknown) {
    return serveRequest(this.runtime, ledger.listLocations, payload, (r) =>
      listLocations(this.runtime.dataSource, r),
    );
  }

  @MessagePattern(ledger.upsertSkus.subject)
  upsertSkus(@Payload() payload: unknown) {
    return serveRequest(this.runtime, ledger.upsertSkus, payload, (r) =>
      upsertSkus(this.runtime.dataSource, r),
    );
  }

  @MessagePattern(ledger.upsertChannels.subject)
  upsertChannels(@Payload() payload: unknown) {
    return serveRequest(this.runtime, ledger.upsertChannels, payload, (r) =>
      upsertChannels(this.runtime.dataSource, r),
    );
  }
}
