import type { ledger, RequestOf, Result } from '@omnistock/contracts';
import type { DataSource } from 'typeorm';
import { runMovement, type MovementReply } from './post-movement.js';

/** Goods in: supplier → on_hand. */
export function receiveStock(
  dataSource: DataSource,
  request: RequestOf<typeof ledger.receiveStock>,
): Promise<Result<MovementReply>> {
  return runMovement(dataSource, 'receipt', request, (r, commandId) =>
    r.lines.map((line) => ({
      sku: line.sku,
      location: r.location,
      kind: 'receipt',
      delta: { onHand: line.qty },
      commandId,
      reference: r.reference,
      actor: r.actor,
    })),
  );
}
