import {
  fail,
  ok,
  type ledger,
  type ReplyOf,
  type RequestOf,
  type Result,
} from '@omnistock/contracts';
import { runIdempotentCommand } from '@omnistock/service-kit';
import type { DataSource } from 'typeorm';
import { postMovement } from '../movements/post-movement.js';
import { recordTransfer } from '../movements/transfer-store.js';
import { markSettled } from './give-back.js';
import { checkStatusIn, HOLD_MOVABLE } from './hold-lifecycle.js';
import { lockOwnHold } from './transition-hold.js';

type Request = RequestOf<typeof ledger.transferHold>;

/**
 * A held leg leaves for another location in one transaction: the hold is fulfilled where
 * it is and its units wait in transit at `to`. Done as release-then-send, another sale
 * could take the units in between and the leg would fail with nothing held.
 */
export function transferHold(
  dataSource: DataSource,
  request: Request,
): Promise<Result<ReplyOf<typeof ledger.transferHold>>> {
  const commandId = `transfer_out:${request.transferId}`;
  return runIdempotentCommand(dataSource, commandId, request, async (manager) => {
    const locked = await lockOwnHold(manager, request.id, request.principal);
    if (!locked.ok) return locked;
    const hold = locked.value;
    const movable = checkStatusIn(hold.id, hold.status, HOLD_MOVABLE, 'sent on');
    if (!movable.ok) return movable;
    const from = [...new Set(hold.lines.map((line) => line.location))];
    if (from.length !== 1 || from[0] === request.to)
      return fail(
        'VALIDATION_FAILED',
        `hold ${hold.id} must be at one location other than ${request.to}`,
      );
    const reference = `transfer:${request.transferId}`;
    const transfer = await postMovement(manager, request.transferId, 'transfer_out', [
      ...hold.lines.map((line) => ({
        sku: line.sku,
        location: line.location,
        kind: 'transfer_out' as const,
        delta: { onHand: -line.qty, reserved: -line.qty },
        commandId,
        reference,
        channel: hold.channel,
        actor: request.actor,
        reason: `hold ${hold.id} sent on`,
      })),
      ...hold.lines.map((line) => ({
        sku: line.sku,
        location: request.to,
        kind: 'transfer_out' as const,
        delta: { inTransit: line.qty },
        commandId,
        reference,
        channel: hold.channel,
        actor: request.actor,
      })),
    ]);
    if (!transfer.ok) return transfer;
    const created = await recordTransfer(manager, {
      id: request.transferId,
      from: from[0]!,
      to: request.to,
      lines: hold.lines.map(({ sku, qty }) => ({ sku, qty })),
    });
    if (!created.ok) return created;
    const [view] = await markSettled(manager, [hold], 'fulfilled');
    return ok({ hold: view!, transfer: transfer.value });
  });
}
