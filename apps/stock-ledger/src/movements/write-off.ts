import type { ledger, RequestOf, Result } from '@omnistock/contracts';
import type { DataSource } from 'typeorm';
import { runMovement, unheldUnitsCover, type MovementReply } from './post-movement.js';

/** Units leave for good: from the shelf (never held units) or from quarantine. */
export function writeOff(
  dataSource: DataSource,
  request: RequestOf<typeof ledger.writeOff>,
): Promise<Result<MovementReply>> {
  return runMovement(dataSource, 'write_off', request, (r, commandId) =>
    r.lines.map((line) => ({
      sku: line.sku,
      location: r.location,
      kind: 'write_off',
      delta: r.bucket === 'on_hand' ? { onHand: -line.qty } : { quarantine: -line.qty },
      commandId,
      reason: r.reason,
      actor: r.actor,
      guard: r.bucket === 'on_hand' ? unheldUnitsCover(line.qty) : undefined,
    })),
  );
}
