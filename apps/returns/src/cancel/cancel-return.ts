import type { RequestOf, Result, returns } from '@omnistock/contracts';
import { runCommand, type ServiceRuntime } from '@omnistock/service-kit';
import { lockReturn } from '../store/return-store.js';
import { endReturn } from './end-return.js';

export function cancelReturn(
  runtime: ServiceRuntime,
  request: RequestOf<typeof returns.cancelReturn>,
): Promise<Result<returns.ReturnViewType>> {
  return runCommand(runtime.dataSource, async (manager) => {
    const locked = await lockReturn(manager, request.id);
    if (!locked.ok) return locked;
    return endReturn(runtime, manager, locked.value, 'cancelled', request.actor);
  });
}
