import { fail, ok, promise, type Result, type routing } from '@omnistock/contracts';
import { callService, type ServiceRuntime } from '@omnistock/service-kit';
import { reserveAllocations, type OrderContext, type Placement } from './place-lines.js';

/**
 * An order placed on a quote goes where the quote said, or is refused before anything is
 * held: the promise service names the allocations that keep the window. No promise service
 * → SERVICE_UNAVAILABLE (routing elsewhere could silently break the promise).
 */
export async function placeOnPromise(
  runtime: ServiceRuntime,
  context: OrderContext,
  promiseId: string,
  lines: readonly routing.OrderLineType[],
  placement: number,
): Promise<Result<Placement>> {
  const resolved = await callService(runtime, promise.resolvePromise, {
    promiseId,
    channel: context.channel,
    method: context.method,
    ...(context.pickupLocation ? { pickupLocation: context.pickupLocation } : {}),
    lines: [...lines],
  });
  if (!resolved.ok) return resolved;
  const allocations = resolved.value.allocations.filter((a) => a.lines.length > 0);
  const placed = await reserveAllocations(runtime, context, allocations, placement);
  if (!placed.ok) {
    if (placed.error.code === 'INSUFFICIENT_STOCK')
      return fail(
        'PROMISE_UNAVAILABLE',
        `promise ${promiseId} can no longer be kept: ${placed.error.message}`,
        {
          reason: 'stock_moved',
        },
      );
    return placed;
  }
  return ok({
    fulfilments: placed.value,
    decisions: [
      {
        placement,
        trigger: 'promise',
        strategy: 'promise',
        rules: { promiseId, option: resolved.value.option },
        candidates: [],
        candidatesOmitted: 0,
        allocations,
        backordered: [],
        explanation: `placed where promise ${promiseId} (${resolved.value.option}) said, so its window ${resolved.value.window.from}–${resolved.value.window.to} holds`,
        at: new Date().toISOString(),
      },
    ],
    backordered: [],
    lastPlacement: placement,
  });
}
