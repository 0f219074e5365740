import type { routing } from '@omnistock/contracts';

const GONE: readonly routing.FulfilmentStatus[] = ['rejected', 'cancelled'];
const DONE: readonly routing.FulfilmentStatus[] = ['delivered', 'collected'];
const UNDER_WAY: readonly routing.FulfilmentStatus[] = [
  'shipped',
  'ready_for_pickup',
  'delivered',
  'collected',
];

/**
 * The order's status is never stored apart from its fulfilments: it is derived from them.
 * Lines cancelled as unfillable (channel rule) count only when nothing else is left: an
 * order whose every line was cancelled is `cancelled`; otherwise the rest decides.
 */
export function deriveOrderStatus(
  cancelled: boolean,
  fulfilments: readonly { status: routing.FulfilmentStatus }[],
  backorderedUnits: number,
  cancelledUnits = 0,
): routing.OrderStatus {
  if (cancelled) return 'cancelled';
  const live = fulfilments.filter((f) => !GONE.includes(f.status));
  if (live.length === 0)
    return backorderedUnits === 0 && cancelledUnits > 0 ? 'cancelled' : 'backordered';
  if (backorderedUnits > 0) return 'partially_backordered';
  if (live.every((f) => DONE.includes(f.status))) return 'fulfilled';
  if (live.some((f) => UNDER_WAY.includes(f.status))) return 'in_fulfilment';
  return 'routed';
}
