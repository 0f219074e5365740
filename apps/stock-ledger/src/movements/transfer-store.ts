import { fail, ok, type Result } from '@omnistock/contracts';
import type { EntityManager } from 'typeorm';

export interface TransferRecord {
  id: string;
  from: string;
  to: string;
  lines: { sku: string; qty: number }[];
}

/** A transfer id names one shipment between two locations, ever. */
export async function recordTransfer(
  manager: EntityManager,
  transfer: TransferRecord,
): Promise<Result<void>> {
  const inserted: unknown[] = await manager.query(
    `INSERT INTO transfers (id, from_location, to_location, status, lines)
     VALUES ($1, $2, $3, 'in_transit', $4) ON CONFLICT (id) DO NOTHING RETURNING 1`,
    [transfer.id, transfer.from, transfer.to, JSON.stringify(transfer.lines)],
  );
  return inserted.length === 1
    ? ok(undefined)
    : fail('IDEMPOTENCY_CONFLICT', `transfer ${transfer.id} exists`);
}
