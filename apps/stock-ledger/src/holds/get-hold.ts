import { ok, type ledger, type RequestOf, type Result } from '@omnistock/contracts';
import type { DataSource } from 'typeorm';
import { holdView, readHold } from './hold-store.js';

export async function getHold(
  dataSource: DataSource,
  request: RequestOf<typeof ledger.getHold>,
): Promise<Result<ledger.HoldViewType>> {
  const hold = await readHold(dataSource.manager, request.id);
  return hold.ok ? ok(holdView(hold.value)) : hold;
}
