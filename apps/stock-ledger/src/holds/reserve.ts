import { fail, ok, type ledger, type RequestOf, type Result } from '@omnistock/contracts';
import { runIdempotentCommand } from '@omnistock/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import {
  channelSellsFrom,
  loadChannel,
  sellableToChannel,
  type ChannelPolicy,
} from '../availability/channel-policy.js';
import type { PositionChange } from '../positions/apply-changes.js';
import { postChanges } from '../positions/post-changes.js';
import { checkKnown } from '../positions/position-store.js';
import { announceHold } from './hold-events.js';
import { holdView } from './hold-store.js';

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

export async function insertHold(
  manager: EntityManager,
  request: ReserveRequest,
  lines: readonly ledger.HoldLineType[],
): Promise<ledger.HoldViewType> {
  const [row] = await manager.query(
    `INSERT INTO holds (id, channel, status, expires_at, reference, actor)
     VALUES ($1, $2, 'held', clock_timestamp() + make_interval(secs => $3), $4, $5)
     RETURNING expires_at`,
    [
      request.id,
      request.channel,
      request.ttlSeconds,
      request.reference ?? null,
      request.actor ?? null,
    ],
  );
  await manager.query(
    `INSERT INTO hold_lines (hold_id, sku, location, qty)
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::int[])`,
    [request.id, lines.map((l) => l.sku), lines.map((l) => l.location), lines.map((l) => l.qty)],
  );
  return holdView({
    id: request.id,
    channel: request.channel,
    status: 'held',
    expiresAt: row.expires_at,
    reference: request.reference ?? null,
    lines: [...lines],
  });
}

/** A cart hold, all or nothing over its lines; the hold id is its idempotency key. */
export function reserve(
  dataSource: DataSource,
  request: ReserveRequest,
): Promise<Result<ledger.HoldViewType>> {
  return runIdempotentCommand(dataSource, `hold:${request.id}`, request, async (manager) => {
    const lines = sumHoldLines(request.lines);
    const policy = await checkHoldRequest(manager, request.channel, lines);
    if (!policy.ok) return policy;
    const taken = await manager.query('SELECT 1 FROM holds WHERE id = $1', [request.id]);
    if (taken.length > 0) return fail('IDEMPOTENCY_CONFLICT', `hold ${request.id} exists`);
    const posted = await postChanges(manager, holdChanges(request, lines, policy.value));
    if (!posted.ok) return posted;
    const view = await insertHold(manager, request, lines);
    await announceHold(manager, view);
    return ok(view);
  });
}
