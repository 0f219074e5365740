import { ok, type ledger, type RequestOf, type Result } from '@omnistock/contracts';
import type { DataSource } from 'typeorm';
import { checkVisible } from './hold-owner.js';
import { holdView, readHold } from './hold-store.js';

export async function getHold(
  dataSource: DataSource,
  request: RequestOf<typeof ledger.getHold>,
): Promise<Result<ledger.HoldViewType>> {
  const hold = await readHold(dataSource.manager, request.id);
  if (!hold.ok) return hold;
  const visible = checkVisible(hold.value, request.principal);
  return visible.ok ? ok(holdView(hold.value)) : visible;
}
