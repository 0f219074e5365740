import { fail, ok, type RequestOf, type Result, type routing } from '@omnistock/contracts';
import type { ServiceRuntime } from '@omnistock/service-kit';
import { fulfilmentView, loadFulfilment, loadOrder } from '../../orders/order-store.js';

/** One fulfilment; the gateway asks it to learn where a command acts (location-bound keys). */
export async function getFulfilment(
  runtime: ServiceRuntime,
  request: RequestOf<typeof routing.getFulfilment>,
): Promise<Result<routing.FulfilmentViewType>> {
  const manager = runtime.dataSource.manager;
  const row = await loadFulfilment(manager, request.id);
  if (!row) return fail('NOT_FOUND', `no fulfilment ${request.id}`, { id: request.id });
  const order = (await loadOrder(manager, row.order_id))!;
  return ok(fulfilmentView(row, order.method));
}
