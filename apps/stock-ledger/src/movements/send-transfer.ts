import { fail, type ledger, type RequestOf, type Result } from '@omnistock/contracts';
import { runIdempotentCommand } from '@omnistock/service-kit';
import type { DataSource } from 'typeorm';
import { postMovement, unheldUnitsCover, type MovementReply } from './post-movement.js';

/** Transfer out: units leave `from`'s shelf (never held ones) and wait in_transit at `to`. */
export function sendTransfer(
  dataSource: DataSource,
  request: RequestOf<typeof ledger.sendTransfer>,
): Promise<Result<MovementReply>> {
  const commandId = `transfer_out:${request.id}`;
  return runIdempotentCommand(dataSource, commandId, request, async (manager) => {
    if (request.from === request.to)
      return fail('VALIDATION_FAILED', 'a transfer needs two different locations');
    const exists = await manager.query('SELECT 1 FROM transfers WHERE id = $1', [request.id]);
    if (exists.length > 0) return fail('IDEMPOTENCY_CONFLICT', `transfer ${request.id} exists`);
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
    await manager.query(
      `INSERT INTO transfers (id, from_location, to_location, status, lines) VALUES ($1, $2, $3, 'in_transit', $4)`,
      [request.id, request.from, request.to, JSON.stringify(request.lines)],
    );
    return posted;
  });
}
