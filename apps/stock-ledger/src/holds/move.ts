import { fail, ok, type ledger, type RequestOf, type Result } from '@omnistock/contracts';
import { runCommand } from '@omnistock/service-kit';
import type { DataSource } from 'typeorm';
import { postChanges } from '../positions/post-changes.js';
import { appendToOutbox } from '@omnistock/messaging';
import { holdMovedEvent } from './hold-events.js';
import { checkStatusIn, HOLD_MOVABLE } from './hold-lifecycle.js';
import { bumpHoldSeq, holdView, loadLines } from './hold-store.js';
import { channelCanSell, checkHoldRequest } from './hold-rules.js';
import { lockOwnHold } from './transition-hold.js';

/**
 * Routing changed its mind: the hold's units at `from` are given back there and held at
 * `to` in one transaction, so the shopper never loses the units in between and `to`
 * is never oversold. A move that already happened (nothing left at `from`, lines at `to`) replays.
 */
export function moveHold(
  dataSource: DataSource,
  request: RequestOf<typeof ledger.moveHold>,
): Promise<Result<ledger.HoldViewType>> {
  return runCommand(dataSource, async (manager) => {
    if (request.from === request.to) return fail('VALIDATION_FAILED', 'from and to must differ');
    const locked = await lockOwnHold(manager, request.id, request.principal);
    if (!locked.ok) return locked;
    const hold = locked.value;
    const movable = checkStatusIn(hold.id, hold.status, HOLD_MOVABLE, 'moved');
    if (!movable.ok) return movable;
    const matches = (line: ledger.HoldLineType, location: string) =>
      line.location === location && (request.sku === undefined || line.sku === request.sku);
    const moving = hold.lines.filter((line) => matches(line, request.from));
    if (moving.length === 0) {
      if (hold.lines.some((line) => matches(line, request.to))) return ok(holdView(hold));
      return fail(
        'NOT_FOUND',
        `hold ${hold.id} has no line at ${request.from}${request.sku ? ` for ${request.sku}` : ''}`,
      );
    }
    const arriving = moving.map((line) => ({ ...line, location: request.to }));
    const policy = await checkHoldRequest(manager, hold.channel, arriving);
    if (!policy.ok) return policy;
    // The hold's sequence makes each move of it a command of its own, even a second move
    // between the same two locations.
    const commandId = `move:${hold.id}:${hold.seq + 1}`;
    const posted = await postChanges(manager, [
      ...moving.map((line) => ({
        sku: line.sku,
        location: line.location,
        kind: 'hold_release' as const,
        delta: { reserved: -line.qty },
        commandId,
        reference: hold.reference ?? `hold:${hold.id}`,
        channel: hold.channel,
        actor: request.actor,
        reason: `moved to ${request.to}`,
      })),
      ...arriving.map((line) => ({
        sku: line.sku,
        location: line.location,
        kind: 'hold' as const,
        delta: { reserved: line.qty },
        commandId,
        reference: hold.reference ?? `hold:${hold.id}`,
        channel: hold.channel,
        actor: request.actor,
        reason: `moved from ${request.from}`,
        guard: channelCanSell(policy.value, line.qty),
      })),
    ]);
    if (!posted.ok) return posted;
    await manager.query(
      'DELETE FROM hold_lines WHERE hold_id = $1 AND location = $2 AND sku = ANY($3::text[])',
      [hold.id, request.from, moving.map((line) => line.sku)],
    );
    await manager.query(
      `INSERT INTO hold_lines (hold_id, sku, location, qty)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::int[])
       ON CONFLICT (hold_id, sku, location) DO UPDATE SET qty = hold_lines.qty + excluded.qty`,
      [
        hold.id,
        arriving.map((l) => l.sku),
        arriving.map((l) => l.location),
        arriving.map((l) => l.qty),
      ],
    );
    const lines = (await loadLines(manager, [hold.id])).get(hold.id) ?? [];
    const seq = await bumpHoldSeq(manager, hold.id);
    const view = holdView({ ...hold, lines, seq });
    await appendToOutbox(manager, [holdMovedEvent(view)]);
    return ok(view);
  });
}
