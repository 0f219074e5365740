import { fail, ok, type RequestOf, type Result, type routing } from '@omnistock/contracts';
import type { ServiceRuntime } from '@omnistock/service-kit';
import { orderView } from '../order-store.js';

export async function getOrder(
  runtime: ServiceRuntime,
  request: RequestOf<typeof routing.getOrder>,
): Promise<Result<routing.OrderViewType>> {
  const view = await orderView(runtime.dataSource.manager, request.id);
  // Another channel's order is answered as one that does not exist: ids do not leak.
  const visible = view && (!request.channels || request.channels.includes(view.channel));
  return visible ? ok(view) : fail('NOT_FOUND', `no order ${request.id}`, { id: request.id });
}
