import type { ledger, RequestOf, Result } from '@omnistock/contracts';
import type { DataSource } from 'typeorm';
import { runMovement, type MovementReply } from './post-movement.js';

/** A resellable return: customer → on_hand at the receiving location, sellable at once. */
export function restockReturn(
  dataSource: DataSource,
  request: RequestOf<typeof ledger.restockReturn>,
): Promise<Result<MovementReply>> {
  return runMovement(dataSource, 'return_restock', request, (r, commandId) =>
    r.lines.map((line) => ({
      sku: line.sku,
      location: r.location,
      kind: 'return_restock',
      delta: { onHand: line.qty },
      commandId,
      reference: r.reference,
      actor: r.actor,
    })),
  );
}
