import {
  DomainError,
  ok,
  type RequestContract,
  type Result,
  type Static,
  type TSchema,
} from '@omnistock/contracts';
import type { ServiceRuntime } from './runtime.js';

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
