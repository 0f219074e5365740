import {
  fail,
  ok,
  type RequestContract,
  type Result,
  type Static,
  type TSchema,
} from '@omnistock/contracts';
import type { ServiceRuntime } from '@omnistock/service-kit';

/** A call to another service as a Result: its typed error passes through unchanged. */
export async function call<Req extends TSchema, Rep extends TSchema>(
  runtime: ServiceRuntime,
  contract: RequestContract<Req, Rep>,
  payload: Static<Req>,
): Promise<Result<Static<Rep>>> {
  const reply = await runtime.requester.request(contract, payload);
  return reply.ok
    ? ok(reply.value)
    : fail(reply.error.code, reply.error.message, reply.error.details);
}
