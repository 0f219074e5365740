import {
  fail,
  ok,
  type promise,
  type RequestOf,
  type ReplyOf,
  type Result,
} from '@omnistock/contracts';
import type { DataSource } from 'typeorm';
import { findPromise } from './promise-store.js';

type Reply = ReplyOf<typeof promise.getPromise>;

/** A promise as quoted, with what it was computed from and (once measured) how it went. */
export async function getPromise(
  dataSource: DataSource,
  request: RequestOf<typeof promise.getPromise>,
): Promise<Result<Reply>> {
  const row = await findPromise(dataSource, request.promiseId);
  if (!row) return fail('NOT_FOUND', `no promise ${request.promiseId}`);
  const [outcome] = await dataSource.query(
    'SELECT outcome, event, at FROM promise_outcomes WHERE promise_id = $1 ORDER BY at LIMIT 1',
    [row.id],
  );
  return ok({
    ...row.view,
    channel: row.channel,
    lines: row.lines,
    quotedAt: row.quoted_at.toISOString(),
    inputs: row.inputs,
    outcome: outcome
      ? { outcome: outcome.outcome, event: outcome.event, at: new Date(outcome.at).toISOString() }
      : null,
  });
}
