import {
  fail,
  ledger,
  ok,
  type RequestOf,
  type Result,
  type returns as contracts,
} from '@omnistock/contracts';
import { runCommand, callService, type ServiceRuntime } from '@omnistock/service-kit';
import type { EntityManager } from 'typeorm';

export interface ReturnPolicy {
  windowDays: number;
  receiveWithinDays: number;
  /** Null: resellable units stay where they were received. */
  resellableTo: string | null;
}

/** A channel nobody configured still has a window: 30 days to ask, 30 days to bring it. */
export const DEFAULT_RETURN_POLICY: ReturnPolicy = {
  windowDays: 30,
  receiveWithinDays: 30,
  resellableTo: null,
};

export async function policyFor(manager: EntityManager, channel: string): Promise<ReturnPolicy> {
  const [row] = await manager.query(
    'SELECT window_days, receive_within_days, resellable_to FROM return_policies WHERE channel = $1',
    [channel],
  );
  return row
    ? {
        windowDays: row.window_days,
        receiveWithinDays: row.receive_within_days,
        resellableTo: row.resellable_to,
      }
    : DEFAULT_RETURN_POLICY;
}

type Request = RequestOf<typeof contracts.configureReturnPolicies>;

/** A policy may only send resellable units to a location the ledger knows. */
export async function configureReturnPolicies(
  runtime: ServiceRuntime,
  request: Request,
): Promise<Result<Request>> {
  const named = [
    ...new Set(request.policies.flatMap((p) => (p.resellableTo ? [p.resellableTo] : []))),
  ];
  if (named.length > 0) {
    const known = await callService(runtime, ledger.listLocations, { codes: named });
    if (!known.ok) return known;
    const unknown = named.filter((code) => !known.value.locations.some((l) => l.code === code));
    if (unknown.length > 0)
      return fail('UNKNOWN_LOCATION', `unknown location: ${unknown.join(', ')}`, {
        locations: unknown,
      });
  }
  return runCommand(runtime.dataSource, async (manager) => {
    await manager.query(
      `INSERT INTO return_policies (channel, window_days, receive_within_days, resellable_to)
       SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::text[])
       ON CONFLICT (channel) DO UPDATE SET window_days = excluded.window_days,
         receive_within_days = excluded.receive_within_days, resellable_to = excluded.resellable_to,
         updated_at = clock_timestamp()`,
      [
        request.policies.map((p) => p.channel),
        request.policies.map((p) => p.windowDays),
        request.policies.map((p) => p.receiveWithinDays),
        request.policies.map((p) => p.resellableTo ?? null),
      ],
    );
    return ok(request);
  });
}
