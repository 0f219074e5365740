import type { RequestOf, Result, returns } from '@omnistock/contracts';
import type { DataSource } from 'typeorm';
import { readReturn } from '../store/return-store.js';

export function getReturn(
  dataSource: DataSource,
  request: RequestOf<typeof returns.getReturn>,
): Promise<Result<returns.ReturnViewType>> {
  return readReturn(dataSource.manager, request.id);
}
