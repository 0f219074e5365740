import { ok, type RequestOf, type Result, type routing } from '@omnistock/contracts';
import { runCommand, type ServiceRuntime } from '@omnistock/service-kit';
import { freeCompartment } from '../../lockers/locker-store.js';
import { orderView } from '../../orders/order-store.js';
import { applyTransition, lockFulfilment } from './transition-fulfilment.js';

type Command = RequestOf<typeof routing.acceptFulfilment> & { tracking?: string };

/** accept / ship / ready / collect / deliver: one table row each, one transaction each. */
export function moveFulfilment(
  runtime: ServiceRuntime,
  request: Command,
  to: routing.FulfilmentStatus,
): Promise<Result<routing.FulfilmentViewType>> {
  return runCommand(runtime.dataSource, async (manager) => {
    const locked = await lockFulfilment(manager, request.id);
    if (!locked.ok) return locked;
    const applied = await applyTransition(runtime, manager, locked.value, to, {
      tracking: request.tracking,
      actor: request.actor,
    });
    if (!applied.ok) return applied;
    // The customer took the parcel: a locker compartment is free once nothing is left to collect.
    if (to === 'collected' && !applied.value.replay) {
      const view = await orderView(manager, locked.value.order.id);
      if (view?.status === 'fulfilled') await freeCompartment(manager, locked.value.order);
    }
    return ok(applied.value.view);
  });
}
