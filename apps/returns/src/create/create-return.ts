import { fail, ok, routing, type RequestOf, type Result, type returns } from '@omnistock/contracts';
import { runIdempotentCommand, callService, type ServiceRuntime } from '@omnistock/service-kit';
import { policyFor } from '../policies/return-policy.js';
import { announceReturn } from '../store/announce.js';
import { insertReturn, unitsAlreadyReturned } from '../store/return-store.js';
import { checkEligibility } from './eligibility.js';
import { holdExchange } from './hold-exchange.js';

/**
 * Authorise a return against what the order really shipped. Returns of one order queue on
 * an advisory lock, so two desks submitting the same units at once authorise them once.
 */
export async function createReturn(
  runtime: ServiceRuntime,
  request: RequestOf<typeof returns.createReturn>,
): Promise<Result<returns.ReturnViewType>> {
  // Asked before the transaction: a slow routing service must not hold a connection.
  const order = await callService(runtime, routing.getOrder, { id: request.orderId });
  if (!order.ok) return order;
  return runIdempotentCommand(
    runtime.dataSource,
    `return:${request.id}`,
    request,
    async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 1))', [
        `order:${request.orderId}`,
      ]);
      const taken = await manager.query('SELECT 1 FROM returns WHERE id = $1', [request.id]);
      if (taken.length > 0) return fail('IDEMPOTENCY_CONFLICT', `return ${request.id} exists`);
      const policy = await policyFor(manager, order.value.channel);
      const already = await unitsAlreadyReturned(manager, request.orderId);
      const eligible = checkEligibility(
        order.value,
        request.lines,
        already,
        policy.windowDays,
        Date.now(),
      );
      if (!eligible.ok) return eligible;
      let exchange: returns.ReturnViewType['exchange'] = null;
      if (request.exchange) {
        const held = await holdExchange(
          runtime,
          request.id,
          order.value.channel,
          request.exchange.lines,
        );
        if (!held.ok) return held;
        exchange = held.value;
      }
      const view = await insertReturn(
        manager,
        {
          id: request.id,
          orderId: request.orderId,
          channel: order.value.channel,
          lines: request.lines,
          location: null,
          received: [],
          dispositions: [],
          exchange,
        },
        policy.receiveWithinDays,
        request.actor,
      );
      await announceReturn(manager, view);
      return ok(view);
    },
  );
}
