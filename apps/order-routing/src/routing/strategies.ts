import type { EntityManager } from 'typeorm';
import { defaultRoutingStrategy } from './default-routing-strategy.js';
import { DEFAULT_RULES, type RoutingRules, type RoutingStrategy } from './routing-strategy.js';

/** Every channel's rules; `*` applies to channels without their own. */
export const ALL_CHANNELS = '*';

export type RulesPatch = Partial<RoutingRules>;

/** The defaults, then the `*` change, then the channel's own: the last word wins. */
export function rulesFor(
  changes: ReadonlyMap<string, RulesPatch>,
  channel: string,
  trial: RulesPatch = {},
): RoutingRules {
  return {
    ...DEFAULT_RULES,
    ...changes.get(ALL_CHANNELS),
    ...changes.get(channel),
    ...trial,
  };
}

export async function loadRuleChanges(
  manager: EntityManager,
  channels?: readonly string[],
): Promise<Map<string, RulesPatch>> {
  const rows: { channel: string; rules: RulesPatch }[] = await manager.query(
    `SELECT channel, rules FROM routing_rules
     WHERE $1::text[] IS NULL OR channel = ANY($1::text[])`,
    [channels ? [...channels, ALL_CHANNELS] : null],
  );
  return new Map(rows.map((row) => [row.channel, row.rules]));
}

/**
 * The strategy and rules for a channel. Every channel uses the default strategy; its rules
 * are the defaults with the changes put live by `routing.rules-set` (tried first with
 * `simulate`).
 */
export async function routingPolicyFor(
  manager: EntityManager,
  channel: string,
): Promise<{ strategy: RoutingStrategy; rules: RoutingRules }> {
  const changes = await loadRuleChanges(manager, [channel]);
  return { strategy: defaultRoutingStrategy, rules: rulesFor(changes, channel) };
}
