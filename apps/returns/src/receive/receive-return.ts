import { fail, ledger, ok, type RequestOf, type Result, type returns } from '@omnistock/contracts';
import { runCommand, callService, type ServiceRuntime } from '@omnistock/service-kit';
import { checkReturnTransition } from '../lifecycle/return-lifecycle.js';
import { announceReturn } from '../store/announce.js';
import { lockReturn, saveReturn } from '../store/return-store.js';
import { placeExchangeOrder } from './place-exchange-order.js';

type Request = RequestOf<typeof returns.receiveReturn>;

export function sumBySku(lines: readonly { sku: string; qty: number }[]): Map<string, number> {
  const summed = new Map<string, number>();
  for (const line of lines) summed.set(line.sku, (summed.get(line.sku) ?? 0) + line.qty);
  return summed;
}

const sameUnits = (
  a: readonly { sku: string; qty: number }[],
  b: readonly { sku: string; qty: number }[],
) => {
  const left = sumBySku(a);
  const right = sumBySku(b);
  return left.size === right.size && [...left].every(([sku, qty]) => right.get(sku) === qty);
};

/**
 * The units arrive at any location that takes returns. Fewer than authorised is fine (the
 * refund follows what came back); more, or a SKU not authorised, is refused. The same
 * receipt again is a replay; a different one after the first is refused.
 */
export async function receiveReturn(
  runtime: ServiceRuntime,
  request: Request,
): Promise<Result<returns.ReturnViewType>> {
  const location = await callService(runtime, ledger.listLocations, { codes: [request.location] });
  if (!location.ok) return location;
  const found = location.value.locations[0];
  if (!found)
    return fail('UNKNOWN_LOCATION', `unknown location: ${request.location}`, {
      locations: [request.location],
    });
  if (!found.capabilities.includes('returns')) {
    return fail('RETURN_NOT_ALLOWED', `${request.location} does not accept returns`, {
      location: request.location,
    });
  }
  const received = await runCommand(runtime.dataSource, async (manager) => {
    const locked = await lockReturn(manager, request.id);
    if (!locked.ok) return locked;
    const before = locked.value;
    if (before.status !== 'authorised') {
      // The same receipt again (a retry, a double scan) is a replay; anything else is refused.
      const sameReceipt =
        before.location === request.location && sameUnits(before.received, request.lines);
      if (sameReceipt) return ok(before);
      const step = checkReturnTransition(before.id, before.status, 'received');
      return step.ok
        ? fail('INVALID_TRANSITION', `return ${before.id} was already received`, {
            from: before.status,
          })
        : step;
    }
    if (Date.parse(before.receiveBy) < Date.now()) {
      return fail(
        'INVALID_TRANSITION',
        `return ${before.id} had to be received by ${before.receiveBy}`,
        { from: 'expired' },
      );
    }
    const authorised = sumBySku(before.lines);
    const arriving = sumBySku(request.lines);
    const excess = [...arriving].filter(([sku, qty]) => qty > (authorised.get(sku) ?? 0));
    if (excess.length > 0) {
      return fail('RETURN_NOT_ALLOWED', 'more units arrived than were authorised', {
        lines: excess.map(([sku, qty]) => ({
          sku,
          received: qty,
          authorised: authorised.get(sku) ?? 0,
        })),
      });
    }
    const after: returns.ReturnViewType = {
      ...before,
      status: 'received',
      location: request.location,
      received: [...arriving].map(([sku, qty]) => ({ sku, qty })),
    };
    await saveReturn(manager, before, after, request.actor);
    await announceReturn(manager, after);
    return ok(after);
  });
  if (!received.ok || !received.value.exchange || received.value.exchange.status !== 'held')
    return received;
  return placeExchangeOrder(runtime, received.value);
}
