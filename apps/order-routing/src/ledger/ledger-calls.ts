import {
  DomainError,
  fail,
  ok,
  type RequestContract,
  type Result,
  type Static,
  type TSchema,
} from '@omnistock/contracts';
import type { ServiceRuntime } from '@omnistock/service-kit';

/** How long an order's hold lives before acceptance: the ledger's longest, so a slow store never loses it. */
export const ORDER_HOLD_TTL_S = 7 * 24 * 3600;

/** Another service's reply as a Result, so a use case treats it like its own expected outcomes. */
export async function callService<Req extends TSchema, Rep extends TSchema>(
  runtime: ServiceRuntime,
  contract: RequestContract<Req, Rep>,
  payload: Static<Req>,
): Promise<Result<Static<Rep>>> {
  const reply = await runtime.requester.request(contract, payload);
  if (reply.ok) return ok(reply.value);
  return {
    ok: false,
    error: new DomainError(reply.error.code, reply.error.message, reply.error.details),
  };
}

export function failWith<T>(error: DomainError): Result<T> {
  return fail(error.code, error.message, error.details);
}
