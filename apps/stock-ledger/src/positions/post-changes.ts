import { fail, ok, type ErrorCode, type Result } from '@omnistock/contracts';
import { WriteBatch } from '@omnistock/database';
import { addToOutbox, outboxEvent, type OutboxEvent } from '@omnistock/messaging';
import { ledger } from '@omnistock/contracts';
import type { EntityManager } from 'typeorm';
import { applyChanges, type PositionChange } from './apply-changes.js';
import { toPositionView, type PositionState } from './position-state.js';
import { addPositionWrites, lockPositions } from './position-store.js';

export interface PostedChanges {
  positions: ledger.PositionViewType[];
}

/**
 * Lock, apply, write, announce: the one way a position changes; the writes and the events
 * leave in one statement. All changes apply or none;
 * a refusal carries `failureCode` and which lines could not be covered.
 */
export async function postChanges(
  manager: EntityManager,
  changes: readonly PositionChange[],
  failureCode: ErrorCode = 'INSUFFICIENT_STOCK',
  /** Given, the writes join it and the caller runs it with its own; absent, they run here. */
  batch?: WriteBatch,
): Promise<Result<PostedChanges>> {
  const states = await lockPositions(manager, changes);
  const applied = applyChanges(states, changes);
  if (!applied.ok) {
    // Too many units is never the caller's "not enough stock": it keeps its own code.
    const overLimit = applied.failures.some((f) => f.code === 'POSITION_LIMIT_EXCEEDED');
    return fail(
      overLimit ? 'POSITION_LIMIT_EXCEEDED' : failureCode,
      applied.failures.map((f) => `${f.sku}@${f.location}: ${f.reason}`).join('; '),
      {
        lines: applied.failures.map(({ sku, location, reason }) => ({ sku, location, reason })),
      },
    );
  }
  const writes = batch ?? new WriteBatch();
  addPositionWrites(writes, applied.touched, applied.entries);
  addToOutbox(
    writes,
    stockChangedEvents(
      applied.touched,
      changes[0]?.kind ?? 'adjustment',
      changes[0]?.commandId ?? '',
    ),
  );
  if (!batch) await writes.run(manager);
  return ok({ positions: applied.touched.map(toPositionView) });
}

/** One event per position with its balances after the command; the sequence makes the message id unique. */
export function stockChangedEvents(
  touched: readonly PositionState[],
  kind: string,
  commandId: string,
): OutboxEvent[] {
  return touched.map((position) =>
    outboxEvent(
      ledger.stockChanged,
      { kind, commandId, position: toPositionView(position) },
      `stock:${position.sku}:${position.location}:${position.seq}`,
      position.location,
    ),
  );
}
