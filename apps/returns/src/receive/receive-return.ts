import { fail, ledger, ok, type RequestOf, type Result, type returns } from '@omnistock/contracts';
import { callService, runCommand, type ServiceRuntime } from '@omnistock/service-kit';
import { exchangeOrderInput } from '../exchange/exchange-order-saga.js';
import { checkReturnTransition } from '../lifecycle/return-lifecycle.js';
import { RETURN_SAGAS, returnSagaId, returnSagas } from '../sagas/return-sagas.js';
import { announceReturn } from '../store/announce.js';
import { lockReturn, readReturn, saveReturn } from '../store/return-store.js';
import { sameUnits, sumBySku } from '../store/units.js';

type Request = RequestOf<typeof returns.receiveReturn>;

/**
 * The units arrive at any location that takes returns. Fewer than authorised is fine (the
 * refund follows what came back); more, or a SKU not authorised, is refused. The same
 * receipt again is a replay; a different one after the first is refused. The receipt is
 * recorded first; an exchange's order follows as a saga started in the same transaction,
 * and the reply shows it placed unless routing is slow (the saga then finishes it).
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
  const engine = returnSagas(runtime);
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
    if (after.exchange?.status === 'held') {
      const started = await engine.start(
        manager,
        RETURN_SAGAS.exchangeOrder,
        returnSagaId(RETURN_SAGAS.exchangeOrder, after.id),
        exchangeOrderInput(after),
      );
      if (!started.ok) return started;
    }
    return ok(after);
  });
  if (!received.ok || !received.value.exchange) return received;
  // Drives the exchange for a while (a replay drives one still running); the reply is the
  // return as it then stands, the order placed or still on its way.
  await engine.run(
    RETURN_SAGAS.exchangeOrder,
    returnSagaId(RETURN_SAGAS.exchangeOrder, received.value.id),
    exchangeOrderInput(received.value),
  );
  return readReturn(runtime.dataSource.manager, request.id);
}
