import type { ledger, RequestOf, Result } from '@omnistock/contracts';
import type { DataSource } from 'typeorm';
import { runMovement, type MovementReply } from './post-movement.js';

/** Quarantined units are sellable again: quarantine → on_hand. */
export function releaseQuarantine(
  dataSource: DataSource,
  request: RequestOf<typeof ledger.releaseQuarantine>,
): Promise<Result<MovementReply>> {
  return runMovement(dataSource, 'quarantine_out', request, (r, commandId) =>
    r.lines.map((line) => ({
      sku: line.sku,
      location: r.location,
      kind: 'quarantine_out',
      delta: { quarantine: -line.qty, onHand: line.qty },
      commandId,
      reason: r.reason,
      actor: r.actor,
    })),
  );
}
