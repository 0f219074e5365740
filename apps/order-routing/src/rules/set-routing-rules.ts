import { ok, type ReplyOf, type RequestOf, type Result, type routing } from '@omnistock/contracts';
import { runCommand, type ServiceRuntime } from '@omnistock/service-kit';
import { loadRuleChanges, rulesFor } from '../routing/strategies.js';

/** Puts a rule change live; setting the same change twice is the same state (a retry is harmless). */
export function setRoutingRules(
  runtime: ServiceRuntime,
  request: RequestOf<typeof routing.setRoutingRules>,
): Promise<Result<ReplyOf<typeof routing.setRoutingRules>>> {
  return runCommand(runtime.dataSource, async (manager) => {
    await manager.query(
      `INSERT INTO routing_rules (channel, rules) VALUES ($1, $2)
       ON CONFLICT (channel) DO UPDATE
         SET rules = routing_rules.rules || EXCLUDED.rules, updated_at = clock_timestamp()`,
      [request.channel, JSON.stringify(request.rules)],
    );
    const changes = await loadRuleChanges(manager, [request.channel]);
    return ok({ channel: request.channel, rules: { ...rulesFor(changes, request.channel) } });
  });
}
