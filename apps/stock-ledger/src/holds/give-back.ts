import { ok, type ledger, type Result } from '@omnistock/contracts';
import type { EntityManager } from 'typeorm';
import type { PositionChange } from '../positions/apply-changes.js';
import { postChanges } from '../positions/post-changes.js';
import { announceHold } from './hold-events.js';
import { holdView, setHoldStatus, type HoldRecord } from './hold-store.js';

const KIND_BY_OUTCOME = {
  released: 'hold_release',
  expired: 'hold_expiry',
  fulfilled: 'hold_fulfil',
} as const;

/** Changes that void (release, expiry) or post (fulfil) a hold's lines. */
function settleChanges(
  holds: readonly Omit<HoldRecord, 'due'>[],
  outcome: keyof typeof KIND_BY_OUTCOME,
  extra: { actor?: string; reason?: string } = {},
): PositionChange[] {
  return holds.flatMap((hold) =>
    hold.lines.map((line) => ({
      sku: line.sku,
      location: line.location,
      kind: KIND_BY_OUTCOME[outcome],
      delta:
        outcome === 'fulfilled'
          ? { reserved: -line.qty, onHand: -line.qty }
          : { reserved: -line.qty },
      commandId: `${outcome}:${hold.id}`,
      reference: hold.reference ?? `hold:${hold.id}`,
      channel: hold.channel,
      actor: extra.actor,
      reason: extra.reason,
    })),
  );
}

/** Settles already-locked holds in one posting, sets their status and announces each. */
export async function settleHolds(
  manager: EntityManager,
  holds: readonly Omit<HoldRecord, 'due'>[],
  outcome: keyof typeof KIND_BY_OUTCOME,
  extra: { actor?: string; reason?: string } = {},
): Promise<Result<ledger.HoldViewType[]>> {
  const posted = await postChanges(manager, settleChanges(holds, outcome, extra), 'INTERNAL');
  if (!posted.ok) return posted;
  const views: ledger.HoldViewType[] = [];
  for (const hold of holds) {
    await setHoldStatus(manager, hold.id, outcome, { clearExpiry: false });
    const view = holdView({ ...hold, status: outcome });
    await announceHold(manager, view);
    views.push(view);
  }
  return ok(views);
}
