import { ok, type ledger, type Result } from '@omnistock/contracts';
import { appendToOutbox } from '@omnistock/messaging';
import type { EntityManager } from 'typeorm';
import type { PositionChange } from '../positions/apply-changes.js';
import { postChanges } from '../positions/post-changes.js';
import { holdStatusEvent } from './hold-events.js';
import { holdView, setHoldStatus, type HoldRecord } from './hold-store.js';

const KIND_BY_OUTCOME = {
  released: 'hold_release',
  expired: 'hold_expiry',
  fulfilled: 'hold_fulfil',
} as const;

export type SettleOutcome = keyof typeof KIND_BY_OUTCOME;

/** Changes that void (release, expiry) or post (fulfil) a hold's lines. */
export function settleChanges(
  holds: readonly Omit<HoldRecord, 'due'>[],
  outcome: SettleOutcome,
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

/** Writes the holds' new status and announces each; the positions were already posted. */
export async function markSettled(
  manager: EntityManager,
  holds: readonly Omit<HoldRecord, 'due'>[],
  outcome: SettleOutcome,
): Promise<ledger.HoldViewType[]> {
  const views: ledger.HoldViewType[] = [];
  for (const hold of holds) {
    const seq = await setHoldStatus(manager, hold.id, outcome, { clearExpiry: false });
    views.push(holdView({ ...hold, status: outcome, seq }));
  }
  await appendToOutbox(manager, views.map(holdStatusEvent));
  return views;
}

/** Settles already-locked holds in one posting, sets their status and announces each. */
export async function settleHolds(
  manager: EntityManager,
  holds: readonly Omit<HoldRecord, 'due'>[],
  outcome: SettleOutcome,
  extra: { actor?: string; reason?: string } = {},
): Promise<Result<ledger.HoldViewType[]>> {
  const posted = await postChanges(manager, settleChanges(holds, outcome, extra), 'INTERNAL');
  if (!posted.ok) return posted;
  return ok(await markSettled(manager, holds, outcome));
}
