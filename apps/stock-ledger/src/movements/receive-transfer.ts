import { fail, type ledger, type RequestOf, type Result } from '@omnistock/contracts';
import { runIdempotentCommand } from '@omnistock/service-kit';
import type { DataSource } from 'typeorm';
import { postMovement, type MovementReply } from './post-movement.js';

/** Transfer in: in_transit becomes on_hand at the destination, once. */
export function receiveTransfer(
  dataSource: DataSource,
  request: RequestOf<typeof ledger.receiveTransfer>,
): Promise<Result<MovementReply>> {
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
    const posted = await postMovement(
      manager,
      request.id,
      'transfer_in',
      transfer.lines.map((line) => ({
        sku: line.sku,
        location: transfer.to_location,
        kind: 'transfer_in' as const,
        delta: { inTransit: -line.qty, onHand: line.qty },
        commandId,
        reference: `transfer:${request.id}`,
        actor: request.actor,
      })),
    );
    if (!posted.ok) return posted;
    await manager.query(
      `UPDATE transfers SET status = 'received', received_at = clock_timestamp() WHERE id = $1`,
      [request.id],
    );
    return posted;
  });
}
