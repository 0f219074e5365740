import {
  LIMITS,
  ok,
  type promise,
  type RequestOf,
  type ReplyOf,
  type Result,
} from '@omnistock/contracts';
import type { EntityManager } from 'typeorm';

type Group = RequestOf<typeof promise.keptRate>['groupBy'];
type Reply = ReplyOf<typeof promise.keptRate>;

/** Each group is a column of promise_outcomes; the map is the whitelist that keeps SQL out of requests. */
const COLUMN_BY_GROUP: Record<Group, string> = {
  carrier: 'carrier',
  service_level: 'service_level',
  location: 'location',
  cutoff: 'cutoff',
};

export async function keptRateBy(
  db: Pick<EntityManager, 'query'>,
  group: Group,
): Promise<Reply['groups']> {
  const column = COLUMN_BY_GROUP[group];
  const rows: { key: string; total: number; early: number; on_time: number; late: number }[] =
    await db.query(
      `SELECT ${column} AS key, count(*)::int AS total,
       (count(*) FILTER (WHERE outcome = 'early'))::int AS early,
       (count(*) FILTER (WHERE outcome = 'on_time'))::int AS on_time,
       (count(*) FILTER (WHERE outcome = 'late'))::int AS late
     FROM promise_outcomes GROUP BY ${column} ORDER BY ${column} LIMIT ${LIMITS.bulk_items_max}`,
    );
  return rows.map((row) => ({
    key: row.key,
    total: row.total,
    early: row.early,
    onTime: row.on_time,
    late: row.late,
    kept: row.early + row.on_time,
    keptRate: Math.round(((row.early + row.on_time) / row.total) * 1000) / 1000,
  }));
}

export async function keptRate(
  db: Pick<EntityManager, 'query'>,
  request: RequestOf<typeof promise.keptRate>,
): Promise<Result<Reply>> {
  return ok({ groupBy: request.groupBy, groups: await keptRateBy(db, request.groupBy) });
}

export const KEPT_RATE_GROUPS = Object.keys(COLUMN_BY_GROUP) as Group[];
