import { fail, ok, type ErrorCode, type Result } from '@omnistock/contracts';
import { appendToOutbox, outboxEvent } from '@omnistock/messaging';
import { ledger } from '@omnistock/contracts';
import type { EntityManager } from 'typeorm';
import { applyChanges, type PositionChange } from './apply-changes.js';
import { toPositionView, type PositionState } from './position-state.js';
import { lockPositions, writePositions } from './position-store.js';

export interface PostedChanges {
  positions: ledger.PositionViewType[];
}

/**
 * Lock, apply, write, announce: the one way a position changes. All changes apply or none;
 * a refusal carries `failureCode` and which lines could not be covered.
 */
export async function postChanges(
  manager: EntityManager,
  changes: readonly PositionChange[],
  failureCode: ErrorCode = 'INSUFFICIENT_STOCK',
): Promise<Result<PostedChanges>> {
  const states = await lockPositions(manager, changes);
  const applied = applyChanges(states, changes);
  if (!applied.ok) {
    return fail(
      failureCode,
      applied.failures.map((f) => `${f.sku}@${f.location}: ${f.reason}`).join('; '),
      {
        lines: applied.failures.map(({ sku, location, reason }) => ({ sku, location, reason })),
      },
    );
  }
  await writePositions(manager, applied.touched, applied.entries);
  await announceStockChanges(
    manager,
    applied.touched,
    changes[0]?.kind ?? 'adjustment',
    changes[0]?.commandId ?? '',
  );
  return ok({ positions: applied.touched.map(toPositionView) });
}

export async function announceStockChanges(
  manager: EntityManager,
  touched: readonly PositionState[],
  kind: string,
  commandId: string,
): Promise<void> {
  await appendToOutbox(
    manager,
    touched.map((position) =>
      outboxEvent(
        ledger.stockChanged,
        { kind, commandId, position: toPositionView(position) },
        `stock:${position.sku}:${position.location}:${position.seq}`,
        position.location,
      ),
    ),
  );
}
