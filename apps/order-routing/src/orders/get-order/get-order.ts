import { fail, ok, type RequestOf, type Result, type routing } from '@omnistock/contracts';
import type { ServiceRuntime } from '@omnistock/service-kit';
import { orderView } from '../order-store.js';

export async function getOrder(
  runtime: ServiceRuntime,
  request: RequestOf<typeof routing.getOrder>,
): Promise<Result<routing.OrderViewType>> {
  const view = await orderView(runtime.dataSource.manager, request.id);
  return view ? ok(view) : fail('NOT_FOUND', `no order ${request.id}`, { id: request.id });
}
