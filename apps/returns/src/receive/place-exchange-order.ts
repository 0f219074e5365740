import { ok, returns, routing, type Result } from '@omnistock/contracts';
import { runCommand, callService, type ServiceRuntime } from '@omnistock/service-kit';
import { announce } from '../store/announce.js';
import { exchangeOrderId } from '../store/ledger-ids.js';
import { lockReturn, saveReturn } from '../store/return-store.js';

/**
 * Once the return is in, its replacement becomes an order, sent the way the original
 * went, on the exchange hold (routing takes the held units over, never holding twice).
 * If routing cannot be reached the return stays received with its exchange held, and
 * receiving again (a replay) tries once more.
 */
export async function placeExchangeOrder(
  runtime: ServiceRuntime,
  view: returns.ReturnViewType,
): Promise<Result<returns.ReturnViewType>> {
  const exchange = view.exchange!;
  const original = await callService(runtime, routing.getOrder, { id: view.orderId });
  if (!original.ok) return ok(view);
  const orderId = exchangeOrderId(view.id);
  const placed = await callService(runtime, routing.createOrder, {
    id: orderId,
    channel: view.channel,
    lines: exchange.lines.map((line) => ({ sku: line.sku, qty: line.qty })),
    method: original.value.method,
    ...(original.value.destination ? { destination: original.value.destination } : {}),
    ...(original.value.pickupLocation ? { pickupLocation: original.value.pickupLocation } : {}),
    reservationId: exchange.holdId,
    actor: 'returns',
  });
  if (!placed.ok) {
    runtime.logger.warn(
      { returnId: view.id, error: placed.error.code },
      'exchange order not placed yet',
    );
    return ok(view);
  }
  return runCommand(runtime.dataSource, async (manager) => {
    const locked = await lockReturn(manager, view.id);
    if (!locked.ok) return locked;
    if (locked.value.exchange?.status === 'ordered') return ok(locked.value);
    const after = {
      ...locked.value,
      exchange: { ...exchange, status: 'ordered' as const, orderId },
    };
    await saveReturn(manager, locked.value, after, 'returns');
    await announce(
      manager,
      returns.exchangeCreated,
      { returnId: view.id, orderId, holdId: exchange.holdId },
      `exchange:${view.id}`,
    );
    return ok(after);
  });
}
