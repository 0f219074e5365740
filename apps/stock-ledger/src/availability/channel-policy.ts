import { fail, ok, type Result } from '@omnistock/contracts';
import type { EntityManager } from 'typeorm';
import type { Buckets } from '../positions/position-state.js';

export interface ChannelPolicy {
  code: string;
  /** Null: the channel sells from every location. */
  locations: string[] | null;
  safetyStock: number;
  capPercent: number;
}

export async function loadChannel(
  manager: EntityManager,
  code: string,
): Promise<Result<ChannelPolicy>> {
  const [row] = await manager.query(
    'SELECT code, locations, safety_stock, cap_percent FROM channels WHERE code = $1',
    [code],
  );
  if (!row) return fail('UNKNOWN_CHANNEL', `unknown channel: ${code}`);
  return ok({
    code: row.code,
    locations: row.locations,
    safetyStock: row.safety_stock,
    capPercent: row.cap_percent,
  });
}

export function channelSellsFrom(policy: ChannelPolicy, location: string): boolean {
  return policy.locations === null || policy.locations.includes(location);
}

/**
 * What the channel may still sell of a position: on_hand − reserved − safety stock, then
 * the channel's cap, rounded down so a cap never promises a unit that is not there.
 */
export function sellableToChannel(position: Buckets, policy: ChannelPolicy): number {
  const free = position.onHand - position.reserved - policy.safetyStock;
  if (free <= 0) return 0;
  return Math.floor((free * policy.capPercent) / 100);
}
