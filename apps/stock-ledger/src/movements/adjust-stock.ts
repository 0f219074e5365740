import type { ledger, RequestOf, Result } from '@omnistock/contracts';
import type { DataSource } from 'typeorm';
import { runMovement, unheldUnitsCover, type MovementReply } from './post-movement.js';

/** A signed correction with a reason; a negative one may only take units that are not held. */
export function adjustStock(
  dataSource: DataSource,
  request: RequestOf<typeof ledger.adjustStock>,
): Promise<Result<MovementReply>> {
  return runMovement(dataSource, 'adjustment', request, (r, commandId) =>
    r.lines.map((line) => ({
      sku: line.sku,
      location: r.location,
      kind: 'adjustment',
      delta: { onHand: line.delta },
      commandId,
      reason: line.reason,
      actor: r.actor,
      guard: line.delta < 0 ? unheldUnitsCover(-line.delta) : undefined,
    })),
  );
}
