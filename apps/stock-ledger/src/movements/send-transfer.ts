import { fail, type ledger, type RequestOf, type Result } from '@omnistock/contracts';
import { runIdempotentCommand } from '@omnistock/service-kit';
import type { DataSource } from 'typeorm';
import { postMovement, unheldUnitsCover, type MovementReply } from './post-movement.js';
import { recordTransfer } from './transfer-store.js';

/** Transfer out: units leave `from`'s shelf (never held ones) and wait in_transit at `to`. */
export function sendTransfer(
  dataSource: DataSource,
  request: RequestOf<typeof ledger.sendTransfer>,
): Promise<Result<MovementReply>> {
  const commandId = `transfer_out:${request.id}`;
  return runIdempotentCommand(dataSource, commandId, request, async (manager) => {
    if (request.from === request.to)
      return fail('VALIDATION_FAILED', 'a transfer needs two different locations');
    const posted = await postMovement(manager, request.id, 'transfer_out', [
      ...request.lines.map((line) => ({
        sku: line.sku,
        location: request.from,
        kind: 'transfer_out' as const,
        delta: { onHand: -line.qty },
        commandId,
        reference: `transfer:${request.id}`,
        actor: request.actor,
        guard: unheldUnitsCover(line.qty),
      })),
      ...request.lines.map((line) => ({
        sku: line.sku,
        location: request.to,
        kind: 'transfer_out' as const,
        delta: { inTransit: line.qty },
        commandId,
        reference: `transfer:${request.id}`,
        actor: request.actor,
      })),
    ]);
    if (!posted.ok) return posted;
    const recorded = await recordTransfer(manager, request);
    return recorded.ok ? posted : recorded;
  });
}
