import { DomainError, fail, ok, type ledger, type Result } from '@omnistock/contracts';
import { payloadHash, WriteBatch } from '@omnistock/database';
import { addToOutbox } from '@omnistock/messaging';
import type { EntityManager } from 'typeorm';
import type { ChannelPolicy } from '../availability/channel-policy.js';
import { applyChanges, type LedgerEntryRow } from '../positions/apply-changes.js';
import { stockChangedEvents } from '../positions/post-changes.js';
import { positionKey, type PositionState } from '../positions/position-state.js';
import { addPositionWrites, lockPositions } from '../positions/position-store.js';
import { holdStatusEvent } from './hold-events.js';
import { holdView } from './hold-store.js';
import {
  checkHoldLines,
  holdChanges,
  holdReferenceColumns,
  holdReferenceFrom,
  sumHoldLines,
  type HoldReference,
  type ReserveRequest,
} from './hold-rules.js';

type HoldResult = Result<ledger.HoldViewType>;

interface Candidate {
  index: number;
  request: ReserveRequest;
  lines: ledger.HoldLineType[];
  policy: ChannelPolicy;
}

interface Screening extends HoldReference {
  claimed: Set<string>;
  taken: Set<string>;
  /** The database clock, so that expiry (swept by the database clock) is measured from one clock. */
  now: Date;
}

/**
 * Group commit of cart holds: many holds, one transaction of four round trips whatever its
 * size — claim and screen, lock the positions, write everything, commit. Each hold stays
 * all or nothing on its own: one that cannot be covered fails alone and leaves no trace,
 * the others go through. Keys are claimed in the command log first, so a key already
 * committed (by this or another replica) replays its first reply, and a key repeated
 * inside the batch is answered once.
 */
export async function reserveBatch(
  manager: EntityManager,
  requests: readonly ReserveRequest[],
): Promise<HoldResult[]> {
  const results: (HoldResult | undefined)[] = new Array(requests.length);
  const hashes = requests.map((request) => payloadHash(request));
  const firstIndexByKey = new Map<string, number>();
  const repeats: [index: number, first: number][] = [];
  requests.forEach((request, index) => {
    const first = firstIndexByKey.get(request.id);
    if (first === undefined) firstIndexByKey.set(request.id, index);
    else repeats.push([index, first]);
  });
  const firsts = [...firstIndexByKey.values()];
  const linesByIndex = new Map(firsts.map((i) => [i, sumHoldLines(requests[i]!.lines)]));

  const screening = await claimAndScreen(manager, firsts, requests, hashes, linesByIndex);
  const isClaimed = (i: number) => screening.claimed.has(commandKey(requests[i]!));
  await answerFromLog(
    manager,
    firsts.filter((i) => !isClaimed(i)),
    requests,
    hashes,
    results,
  );
  const candidates: Candidate[] = [];
  for (const index of firsts.filter(isClaimed)) {
    const refusal = refuse(requests[index]!, linesByIndex.get(index)!, screening);
    if (refusal) results[index] = { ok: false, error: refusal };
    else
      candidates.push({
        index,
        request: requests[index]!,
        lines: linesByIndex.get(index)!,
        policy: screening.channels.get(requests[index]!.channel)!,
      });
  }
  const accepted = await applyHolds(manager, candidates, results);
  // Accepted holds get their result once written; a result already set here is a refusal.
  const refusedKeys = firsts
    .filter((i) => isClaimed(i) && results[i] !== undefined)
    .map((i) => commandKey(requests[i]!));
  await writeHolds(manager, accepted, refusedKeys, screening.now, results);
  for (const [index, first] of repeats) {
    results[index] =
      hashes[index] === hashes[first] ? results[first] : conflict(requests[index]!.id);
  }
  return results as HoldResult[];
}

const commandKey = (request: ReserveRequest) => `hold:${request.id}`;

function conflict(id: string): HoldResult {
  return fail('IDEMPOTENCY_CONFLICT', `hold:${id} was used before with a different payload`, {
    result: 'exists_with_different_payload',
  });
}

/** One statement: claim the keys, and read what screening needs (reference data, taken ids, the clock). */
async function claimAndScreen(
  manager: EntityManager,
  firsts: number[],
  requests: readonly ReserveRequest[],
  hashes: string[],
  linesByIndex: Map<number, ledger.HoldLineType[]>,
): Promise<Screening> {
  const lines = [...linesByIndex.values()].flat();
  const [row] = await manager.query(
    `WITH claimed AS (
       INSERT INTO command_log (command_key, payload_hash, reply)
       SELECT key, hash, 'null'::json FROM unnest($1::text[], $2::text[]) AS claim (key, hash)
       ON CONFLICT (command_key) DO NOTHING RETURNING command_key)
     SELECT
       ARRAY(SELECT command_key FROM claimed) AS claimed,
       ${holdReferenceColumns('$3', '$4', '$5')},
       ARRAY(SELECT id FROM holds WHERE id = ANY($6::text[])) AS taken,
       clock_timestamp() AS now`,
    [
      firsts.map((i) => commandKey(requests[i]!)),
      firsts.map((i) => hashes[i]),
      [...new Set(lines.map((l) => l.sku))],
      [...new Set(lines.map((l) => l.location))],
      [...new Set(firsts.map((i) => requests[i]!.channel))],
      firsts.map((i) => requests[i]!.id),
    ],
  );
  return {
    ...holdReferenceFrom(row),
    claimed: new Set(row.claimed),
    taken: new Set(row.taken),
    now: row.now,
  };
}

/** Keys someone committed before: the first reply, or a conflict if the payload differs. */
async function answerFromLog(
  manager: EntityManager,
  indexes: number[],
  requests: readonly ReserveRequest[],
  hashes: string[],
  results: (HoldResult | undefined)[],
): Promise<void> {
  if (indexes.length === 0) return;
  const rows: { command_key: string; payload_hash: string; reply: ledger.HoldViewType }[] =
    await manager.query(
      'SELECT command_key, payload_hash, reply FROM command_log WHERE command_key = ANY($1::text[])',
      [indexes.map((i) => commandKey(requests[i]!))],
    );
  const byKey = new Map(rows.map((row) => [row.command_key, row]));
  for (const index of indexes) {
    const row = byKey.get(commandKey(requests[index]!));
    // Claimed by a transaction that committed after our statement's snapshot: a retry will see it.
    if (!row)
      throw Object.assign(
        new Error(`${commandKey(requests[index]!)} is being placed concurrently`),
        { code: '40001' },
      );
    results[index] =
      row.payload_hash === hashes[index] ? ok(row.reply) : conflict(requests[index]!.id);
  }
}

function refuse(
  request: ReserveRequest,
  lines: ledger.HoldLineType[],
  known: Screening,
): DomainError | undefined {
  const checked = checkHoldLines(request.channel, lines, known);
  if (!checked.ok) return checked.error;
  if (known.taken.has(request.id))
    return new DomainError('IDEMPOTENCY_CONFLICT', `hold ${request.id} exists`);
  return undefined;
}

interface AcceptedBatch {
  candidates: Candidate[];
  entries: LedgerEntryRow[];
  touched: PositionState[];
}

/** Applies holds in arrival order against the locked positions; each one fits whole or fails alone. */
async function applyHolds(
  manager: EntityManager,
  candidates: Candidate[],
  results: (HoldResult | undefined)[],
): Promise<AcceptedBatch> {
  if (candidates.length === 0) return { candidates: [], entries: [], touched: [] };
  const locked = await lockPositions(
    manager,
    candidates.flatMap((c) => c.lines),
  );
  const working = new Map(locked);
  const accepted: Candidate[] = [];
  const entries: LedgerEntryRow[] = [];
  for (const candidate of candidates) {
    const applied = applyChanges(
      working,
      holdChanges(candidate.request, candidate.lines, candidate.policy),
    );
    if (!applied.ok) {
      results[candidate.index] = fail(
        applied.failures.some((f) => f.code === 'POSITION_LIMIT_EXCEEDED')
          ? 'POSITION_LIMIT_EXCEEDED'
          : 'INSUFFICIENT_STOCK',
        applied.failures.map((f) => `${f.sku}@${f.location}: ${f.reason}`).join('; '),
        { lines: applied.failures.map(({ sku, location, reason }) => ({ sku, location, reason })) },
      );
      continue;
    }
    for (const position of applied.touched)
      working.set(positionKey(position.sku, position.location), position);
    entries.push(...applied.entries);
    accepted.push(candidate);
  }
  const touched = [...working.values()].filter(
    (p) => p.seq !== locked.get(positionKey(p.sku, p.location))!.seq,
  );
  return { candidates: accepted, entries, touched };
}

/** Every write of the batch in one statement: positions, entries, holds, lines, events, replies, forgotten refusals. */
async function writeHolds(
  manager: EntityManager,
  batch: AcceptedBatch,
  refusedKeys: string[],
  now: Date,
  results: (HoldResult | undefined)[],
): Promise<void> {
  const writes = new WriteBatch();
  const p = (value: unknown) => writes.param(value);
  if (refusedKeys.length > 0) {
    // A refused hold leaves no trace: its key stays free for a retry once stock arrives.
    writes.add(
      `DELETE FROM command_log WHERE command_key = ANY(${p(refusedKeys)}::text[]) RETURNING 1`,
    );
  }
  const views = batch.candidates.map((c) =>
    holdView({
      id: c.request.id,
      channel: c.request.channel,
      status: 'held',
      expiresAt: new Date(new Date(now).getTime() + c.request.ttlSeconds * 1000),
      reference: c.request.reference ?? null,
      orderId: c.request.orderId ?? null,
      seq: 1,
      lines: c.lines,
    }),
  );
  if (views.length > 0) {
    const requests = batch.candidates.map((c) => c.request);
    addPositionWrites(writes, batch.touched, batch.entries);
    writes.add(
      `INSERT INTO holds (id, channel, status, expires_at, reference, actor, order_id)
       SELECT id, channel, 'held', expires_at, reference, actor, order_id
       FROM unnest(${p(requests.map((r) => r.id))}::text[], ${p(requests.map((r) => r.channel))}::text[],
         ${p(views.map((v) => v.expiresAt))}::timestamptz[], ${p(requests.map((r) => r.reference ?? null))}::text[],
         ${p(requests.map((r) => r.actor ?? null))}::text[], ${p(requests.map((r) => r.orderId ?? null))}::text[])
         AS h (id, channel, expires_at, reference, actor, order_id)
       RETURNING 1`,
    );
    const lines = batch.candidates.flatMap((c) =>
      c.lines.map((line) => ({ id: c.request.id, ...line })),
    );
    writes.add(
      `INSERT INTO hold_lines (hold_id, sku, location, qty)
       SELECT * FROM unnest(${p(lines.map((l) => l.id))}::text[], ${p(lines.map((l) => l.sku))}::text[],
         ${p(lines.map((l) => l.location))}::text[], ${p(lines.map((l) => l.qty))}::int[])
       RETURNING 1`,
    );
    addToOutbox(writes, [
      ...views.map(holdStatusEvent),
      ...stockChangedEvents(batch.touched, 'hold', `holds:${views[0]!.id}`),
    ]);
    writes.add(
      `UPDATE command_log SET reply = r.reply
       FROM unnest(${p(views.map((v) => `hold:${v.id}`))}::text[], ${p(views.map((v) => JSON.stringify(v)))}::json[]) AS r (key, reply)
       WHERE command_key = r.key RETURNING 1`,
    );
  }
  await writes.run(manager);
  batch.candidates.forEach((candidate, i) => {
    results[candidate.index] = ok(views[i]!);
  });
}
