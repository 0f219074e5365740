import { ok, type ReplyOf, type RequestOf, type Result, type routing } from '@omnistock/contracts';
import type { ServiceRuntime } from '@omnistock/service-kit';
import { fromReplayInput, type ReplayInput } from '../routing/replay-input.js';
import { defaultRoutingStrategy } from '../routing/default-routing-strategy.js';
import { loadRuleChanges, rulesFor } from '../routing/strategies.js';

type Simulate = RequestOf<typeof routing.simulate>;

/** Same allocations, compared without regard to order of lines or shipments. */
function outcomeKey(outcome: {
  allocations: { location: string; lines: { sku: string; qty: number }[] }[];
  backordered: { sku: string; qty: number }[];
}): string {
  const lines = (list: { sku: string; qty: number }[]) =>
    [...list].sort((a, b) => a.sku.localeCompare(b.sku)).map((l) => `${l.sku}×${l.qty}`);
  return JSON.stringify({
    allocations: outcome.allocations.map((a) => `${a.location}:${lines(a.lines).join(',')}`).sort(),
    backordered: lines(outcome.backordered),
  });
}

/**
 * Replays each of the last N orders' first decision under its channel's rules as they are
 * now with the trial change on top, on the inputs
 * stored with it (stock, load and exclusions as they were), and lists what would differ.
 * Only reads the routing schema: nothing is held, moved or written.
 */
export async function simulate(
  runtime: ServiceRuntime,
  request: Simulate,
): Promise<Result<ReplyOf<typeof routing.simulate>>> {
  const rows: {
    order_id: string;
    channel: string;
    decision: routing.RouteDecisionType;
    inputs: ReplayInput;
  }[] = await runtime.dataSource.query(
    `SELECT DISTINCT ON (o.created_at, o.id) o.id AS order_id, o.channel, d.decision, d.inputs
     FROM (SELECT id, channel, created_at FROM orders ORDER BY created_at DESC, id LIMIT $1) o
     JOIN route_decisions d ON d.order_id = o.id AND d.inputs IS NOT NULL
     ORDER BY o.created_at DESC, o.id, d.placement`,
    [request.orders],
  );
  const changes = await loadRuleChanges(runtime.dataSource.manager);
  const differences: ReplyOf<typeof routing.simulate>['differences'] = [];
  for (const row of rows) {
    const after = defaultRoutingStrategy.route(
      fromReplayInput(row.inputs),
      rulesFor(changes, row.channel, request.rules),
    );
    const before = { allocations: row.decision.allocations, backordered: row.decision.backordered };
    if (outcomeKey(before) === outcomeKey(after)) continue;
    differences.push({
      orderId: row.order_id,
      before,
      after: { allocations: after.allocations, backordered: after.backordered },
      explanation: after.explanation,
    });
  }
  return ok({
    strategy: defaultRoutingStrategy.name,
    rules: { ...request.rules },
    replayed: rows.length,
    changed: differences.length,
    differences,
  });
}
