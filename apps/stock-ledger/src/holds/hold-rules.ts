import { fail, ok, type ledger, type RequestOf, type Result } from '@omnistock/contracts';
import type { EntityManager } from 'typeorm';
import {
  channelSellsFrom,
  sellableToChannel,
  type ChannelPolicy,
} from '../availability/channel-policy.js';
import type { PositionChange } from '../positions/apply-changes.js';

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

/** What a hold's lines and channel are checked against: read in one statement, before any lock. */
export interface HoldReference {
  unknownSkus: ReadonlySet<string>;
  unknownLocations: ReadonlySet<string>;
  channels: ReadonlyMap<string, ChannelPolicy>;
}

/** SQL selecting the reference a hold needs, given $skus, $locations and $channels placeholders. */
export function holdReferenceColumns(skus: string, locations: string, channels: string): string {
  return `ARRAY(SELECT s FROM unnest(${skus}::text[]) s WHERE NOT EXISTS (SELECT 1 FROM skus WHERE sku = s)) AS unknown_skus,
       ARRAY(SELECT l FROM unnest(${locations}::text[]) l WHERE NOT EXISTS (SELECT 1 FROM locations WHERE code = l)) AS unknown_locations,
       (SELECT COALESCE(json_agg(c), '[]') FROM channels c WHERE code = ANY(${channels}::text[])) AS channels`;
}

export function holdReferenceFrom(row: {
  unknown_skus: string[];
  unknown_locations: string[];
  channels: {
    code: string;
    locations: string[] | null;
    safety_stock: number;
    cap_percent: number;
  }[];
}): HoldReference {
  return {
    unknownSkus: new Set(row.unknown_skus),
    unknownLocations: new Set(row.unknown_locations),
    channels: new Map(
      row.channels.map((c) => [
        c.code,
        {
          code: c.code,
          locations: c.locations,
          safetyStock: c.safety_stock,
          capPercent: c.cap_percent,
        },
      ]),
    ),
  };
}

/**
 * The one place a hold's lines are judged before stock is looked at: known locations and
 * SKUs, a known channel that sells from every location named. Used by the batched reserve
 * and by move alike.
 */
export function checkHoldLines(
  channel: string,
  lines: readonly ledger.HoldLineType[],
  known: HoldReference,
): Result<ChannelPolicy> {
  const locations = [
    ...new Set(lines.map((l) => l.location).filter((l) => known.unknownLocations.has(l))),
  ];
  if (locations.length > 0)
    return fail('UNKNOWN_LOCATION', `unknown location: ${locations.join(', ')}`, { locations });
  const skus = [...new Set(lines.map((l) => l.sku).filter((s) => known.unknownSkus.has(s)))];
  if (skus.length > 0) return fail('UNKNOWN_SKU', `unknown SKU: ${skus.join(', ')}`, { skus });
  const policy = known.channels.get(channel);
  if (!policy) return fail('UNKNOWN_CHANNEL', `unknown channel: ${channel}`);
  const refused = [
    ...new Set(lines.filter((l) => !channelSellsFrom(policy, l.location)).map((l) => l.location)),
  ];
  if (refused.length > 0) {
    return fail(
      'LOCATION_NOT_ALLOWED',
      `channel ${channel} does not sell from ${refused.join(', ')}`,
      {
        locations: refused,
      },
    );
  }
  return ok(policy);
}

/** Reads the reference for one hold's lines and judges them. */
export async function checkHoldRequest(
  manager: EntityManager,
  channel: string,
  lines: readonly ledger.HoldLineType[],
): Promise<Result<ChannelPolicy>> {
  const [row] = await manager.query(`SELECT ${holdReferenceColumns('$1', '$2', '$3')}`, [
    [...new Set(lines.map((l) => l.sku))],
    [...new Set(lines.map((l) => l.location))],
    [channel],
  ]);
  return checkHoldLines(channel, lines, holdReferenceFrom(row));
}
