import { ok, type RequestOf, type Result, type returns as contracts } from '@omnistock/contracts';
import { runCommand } from '@omnistock/service-kit';
import type { DataSource, EntityManager } from 'typeorm';

export interface ReturnPolicy {
  windowDays: number;
  receiveWithinDays: number;
}

/** A channel nobody configured still has a window: 30 days to ask, 30 days to bring it. */
export const DEFAULT_RETURN_POLICY: ReturnPolicy = { windowDays: 30, receiveWithinDays: 30 };

export async function policyFor(manager: EntityManager, channel: string): Promise<ReturnPolicy> {
  const [row] = await manager.query(
    'SELECT window_days, receive_within_days FROM return_policies WHERE channel = $1',
    [channel],
  );
  return row
    ? { windowDays: row.window_days, receiveWithinDays: row.receive_within_days }
    : DEFAULT_RETURN_POLICY;
}

type Request = RequestOf<typeof contracts.configureReturnPolicies>;

export function configureReturnPolicies(
  dataSource: DataSource,
  request: Request,
): Promise<Result<Request>> {
  return runCommand(dataSource, async (manager) => {
    await manager.query(
      `INSERT INTO return_policies (channel, window_days, receive_within_days)
       SELECT * FROM unnest($1::text[], $2::int[], $3::int[])
       ON CONFLICT (channel) DO UPDATE SET window_days = excluded.window_days,
         receive_within_days = excluded.receive_within_days, updated_at = clock_timestamp()`,
      [
        request.policies.map((p) => p.channel),
        request.policies.map((p) => p.windowDays),
        request.policies.map((p) => p.receiveWithinDays),
      ],
    );
    return ok(request);
  });
}
