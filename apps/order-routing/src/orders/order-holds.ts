import { ledger } from '@omnistock/contracts';
import type { SagaContext } from '@omnistock/service-kit';
import type { EntityManager } from 'typeorm';
import { orderReference } from '../placement/placing.js';
import { REJECT_FULFILMENT_SAGA, rejectSagaId } from '../fulfilments/reject/reject-saga-ids.js';

/** Codes a commit answers for a hold the order no longer has (expired, released, never made). */
const LOST_CODES = new Set(['INVALID_TRANSITION', 'HOLD_NOT_FOUND']);

/**
 * Commits the order's holds, so they stop expiring: from now on only the order lets them
 * go. A hold already committed replays. One that is gone (it outlived its placing time, or
 * a count took it) is answered as lost for the saga to re-route; an outage is a retry.
 */
export async function commitOrderHolds(
  ctx: Pick<SagaContext<unknown, unknown>, 'call'>,
  holdIds: readonly string[],
  order: { orderId: string; channel: string },
): Promise<{ ids: string[] } | { retry: string }> {
  const lost: string[] = [];
  for (const id of holdIds) {
    const committed = await ctx.call(ledger.commit, {
      id,
      orderId: order.orderId,
      channel: order.channel,
      reference: orderReference(order.orderId),
    });
    if (committed.ok) continue;
    if (LOST_CODES.has(committed.error.code)) lost.push(id);
    else return { retry: `commit of ${id}: ${committed.error.code}` };
  }
  return { ids: lost };
}

/**
 * The fulfilments behind lost holds are rejected on the ledger's word and routed again,
 * each as a saga of its own begun in the caller's transaction. Only fulfilments whose
 * units still wait at their location can be; others keep their status.
 */
export async function beginReroutes(
  manager: EntityManager,
  ctx: Pick<SagaContext<unknown, unknown>, 'begin'>,
  holdIds: readonly string[],
): Promise<void> {
  if (holdIds.length === 0) return;
  const rows: { id: string }[] = await manager.query(
    `SELECT id FROM fulfilments WHERE hold_id = ANY($1::text[]) AND status IN ('assigned', 'accepted')`,
    [holdIds],
  );
  for (const row of rows)
    await ctx.begin(
      manager,
      REJECT_FULFILMENT_SAGA,
      rejectSagaId(row.id),
      {
        id: row.id,
        reason: 'the ledger no longer holds its units',
        cause: 'hold_lost',
      },
      { id: row.id },
    );
}
