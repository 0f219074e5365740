import { ok, type ledger, type Result, type Static } from '@omnistock/contracts';
import { runIdempotentCommand } from '@omnistock/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import type { PositionChange } from '../positions/apply-changes.js';
import { postChanges } from '../positions/post-changes.js';
import { checkKnown } from '../positions/position-store.js';

/** The contract's reply, so the use cases cannot drift from what the wire promises. */
export type MovementReply = Static<typeof ledger.MovementReply>;

/** Checks the SKUs and locations are known, then posts the changes as one movement. */
export async function postMovement(
  manager: EntityManager,
  id: string,
  kind: ledger.MovementKind,
  changes: PositionChange[],
): Promise<Result<MovementReply>> {
  const known = await checkKnown(manager, changes);
  if (!known.ok) return known;
  const posted = await postChanges(manager, changes);
  if (!posted.ok) return posted;
  return ok({ id, kind, positions: posted.value.positions });
}

/** A movement whose changes follow from its request alone, run once per idempotency key. */
export function runMovement<R extends { id: string }>(
  dataSource: DataSource,
  kind: ledger.MovementKind,
  request: R,
  changesFor: (request: R, commandId: string) => PositionChange[],
): Promise<Result<MovementReply>> {
  const commandId = `${kind}:${request.id}`;
  return runIdempotentCommand(dataSource, commandId, request, (manager) =>
    postMovement(manager, request.id, kind, changesFor(request, commandId)),
  );
}

/** A guard that keeps held units out of reach of a movement that takes units off the shelf. */
export function unheldUnitsCover(qty: number) {
  return (before: { onHand: number; reserved: number }) =>
    before.onHand - before.reserved >= qty
      ? null
      : `needs ${qty} but only ${Math.max(0, before.onHand - before.reserved)} on hand are not held`;
}
