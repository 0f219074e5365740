import { fail, ok, type ledger, type RequestOf, type Result } from '@omnistock/contracts';
import { appendToOutbox } from '@omnistock/messaging';
import { runIdempotentCommand } from '@omnistock/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import { holdStatusEvent } from '../holds/hold-events.js';
import { holdView, insertOrderHold } from '../holds/hold-store.js';
import type { PositionChange } from '../positions/apply-changes.js';
import { postMovement, type MovementReply } from './post-movement.js';

type Request = RequestOf<typeof ledger.receiveTransfer>;
type Reply = MovementReply & { hold?: ledger.HoldViewType };

/**
 * Transfer in: in_transit becomes on_hand at the destination, once. With `holdFor`, the
 * same transaction holds the arrived units for the order they travelled for: received and
 * then reserved in two steps, a shopper could take them in between.
 */
export function receiveTransfer(dataSource: DataSource, request: Request): Promise<Result<Reply>> {
  const commandId = `transfer_in:${request.id}`;
  return runIdempotentCommand(dataSource, commandId, request, async (manager) => {
    const [transfer]: {
      to_location: string;
      status: string;
      lines: { sku: string; qty: number }[];
    }[] = await manager.query(
      'SELECT to_location, status, lines FROM transfers WHERE id = $1 FOR UPDATE',
      [request.id],
    );
    if (!transfer) return fail('NOT_FOUND', `no transfer ${request.id}`);
    if (transfer.status !== 'in_transit')
      return fail('INVALID_TRANSITION', `transfer ${request.id} is ${transfer.status}`);
    const lines = transfer.lines.map((line) => ({ ...line, location: transfer.to_location }));
    const arrivals: PositionChange[] = lines.map((line) => ({
      sku: line.sku,
      location: line.location,
      kind: 'transfer_in' as const,
      delta: { inTransit: -line.qty, onHand: line.qty },
      commandId,
      reference: `transfer:${request.id}`,
      actor: request.actor,
    }));
    const held = request.holdFor ? await holdArrivals(manager, request, lines) : undefined;
    if (held && !held.ok) return held;
    const posted = await postMovement(manager, request.id, 'transfer_in', [
      ...arrivals,
      ...(held?.value.changes ?? []),
    ]);
    if (!posted.ok) return posted;
    await manager.query(
      `UPDATE transfers SET status = 'received', received_at = clock_timestamp() WHERE id = $1`,
      [request.id],
    );
    if (!held) return posted;
    await appendToOutbox(manager, [holdStatusEvent(held.value.view)]);
    return ok({ ...posted.value, hold: held.value.view });
  });
}

/** The hold row for the order and the reservation of the arrived units, posted with the arrival. */
async function holdArrivals(
  manager: EntityManager,
  request: Request,
  lines: ledger.HoldLineType[],
): Promise<Result<{ view: ledger.HoldViewType; changes: PositionChange[] }>> {
  const { holdId, orderId, channel } = request.holdFor!;
  const reference = `order ${orderId}`;
  const inserted = await insertOrderHold(
    manager,
    { id: holdId, channel, orderId, reference, actor: request.actor },
    lines,
  );
  if (!inserted) return fail('IDEMPOTENCY_CONFLICT', `hold ${holdId} exists`);
  const changes = lines.map((line) => ({
    sku: line.sku,
    location: line.location,
    kind: 'hold' as const,
    delta: { reserved: line.qty },
    commandId: `hold:${holdId}`,
    reference,
    channel,
    actor: request.actor,
  }));
  const view = holdView({
    id: holdId,
    channel,
    status: 'committed',
    expiresAt: null,
    reference,
    orderId,
    seq: 1,
    lines,
  });
  return ok({ view, changes });
}
