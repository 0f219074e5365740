import type { ledger, RequestOf, Result } from '@omnistock/contracts';
import type { DataSource } from 'typeorm';
import { runMovement, unheldUnitsCover, type MovementReply } from './post-movement.js';

/** Units become unsellable: shelf → quarantine, or customer → quarantine for a returned unit. */
export function quarantineStock(
  dataSource: DataSource,
  request: RequestOf<typeof ledger.quarantineStock>,
): Promise<Result<MovementReply>> {
  return runMovement(dataSource, 'quarantine_in', request, (r, commandId) =>
    r.lines.map((line) => ({
      sku: line.sku,
      location: r.location,
      kind: 'quarantine_in',
      delta:
        r.from === 'on_hand'
          ? { onHand: -line.qty, quarantine: line.qty }
          : { quarantine: line.qty },
      commandId,
      reason: r.reason,
      reference: r.reference,
      actor: r.actor,
      guard: r.from === 'on_hand' ? unheldUnitsCover(line.qty) : undefined,
    })),
  );
}
