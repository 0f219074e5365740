import { fail, type ledger, type RequestOf, type Result } from '@omnistock/contracts';
import type { EntityManager } from 'typeorm';
import {
  channelSellsFrom,
  loadChannel,
  sellableToChannel,
  type ChannelPolicy,
} from '../availability/channel-policy.js';
import type { PositionChange } from '../positions/apply-changes.js';
import { checkKnown } from '../positions/position-store.js';

export type ReserveRequest = RequestOf<typeof ledger.reserve>;

/** Two lines for one SKU at one location are one line: the hold needs their sum. */
export function sumHoldLines(lines: readonly ledger.HoldLineType[]): ledger.HoldLineType[] {
  const summed = new Map<string, ledger.HoldLineType>();
  for (const line of lines) {
    const key = `${line.sku}\u0000${line.location}`;
    const existing = summed.get(key);
    summed.set(key, existing ? { ...existing, qty: existing.qty + line.qty } : { ...line });
  }
  return [...summed.values()].sort((a, b) =>
    a.sku === b.sku ? cmp(a.location, b.location) : cmp(a.sku, b.sku),
  );
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The guard that makes a hold never oversell: the channel must still be able to sell the units. */
export function channelCanSell(policy: ChannelPolicy, qty: number) {
  return (before: ledger.PositionViewType) => {
    const sellable = sellableToChannel(before, policy);
    return sellable >= qty ? null : `needs ${qty}, channel ${policy.code} can sell ${sellable}`;
  };
}

export function holdChanges(
  request: { id: string; channel: string; reference?: string; actor?: string },
  lines: readonly ledger.HoldLineType[],
  policy: ChannelPolicy,
): PositionChange[] {
  return lines.map((line) => ({
    sku: line.sku,
    location: line.location,
    kind: 'hold',
    delta: { reserved: line.qty },
    commandId: `hold:${request.id}`,
    reference: request.reference ?? `hold:${request.id}`,
    channel: request.channel,
    actor: request.actor,
    guard: channelCanSell(policy, line.qty),
  }));
}

/** Checks what a hold needs before any position is locked: known SKUs and locations, a channel allowed there. */
export async function checkHoldRequest(
  manager: EntityManager,
  channel: string,
  lines: readonly ledger.HoldLineType[],
): Promise<Result<ChannelPolicy>> {
  const known = await checkKnown(manager, lines);
  if (!known.ok) return known;
  const policy = await loadChannel(manager, channel);
  if (!policy.ok) return policy;
  const refused = lines
    .filter((line) => !channelSellsFrom(policy.value, line.location))
    .map((line) => line.location);
  if (refused.length > 0) {
    return fail(
      'LOCATION_NOT_ALLOWED',
      `channel ${channel} does not sell from ${[...new Set(refused)].join(', ')}`,
      {
        locations: [...new Set(refused)],
      },
    );
  }
  return policy;
}
