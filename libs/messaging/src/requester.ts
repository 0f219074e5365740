import {
  errorEnvelope,
  isErrorEnvelope,
  LIMITS,
  type ErrorEnvelope,
  type RequestContract,
  type Static,
  type TSchema,
} from '@omnistock/contracts';
import { headers as natsHeaders, type NatsConnection } from '@nats-io/transport-node';
import { namespacedSubject } from './namespace.js';

export type Reply<T> = { ok: true; value: T } | { ok: false; error: ErrorEnvelope['error'] };

export interface RequestOptions {
  timeout_ms?: number;
  requestId?: string;
}

/**
 * Calls a service over NATS. Every call has a timeout; a timeout or no responder is
 * SERVICE_UNAVAILABLE, never a hang and never a thrown error the caller must guess at.
 */
export class NatsRequester {
  constructor(
    readonly connection: NatsConnection,
    readonly namespace: string,
  ) {}

  async request<Req extends TSchema, Rep extends TSchema>(
    contract: RequestContract<Req, Rep>,
    payload: Static<Req>,
    options: RequestOptions = {},
  ): Promise<Reply<Static<Rep>>> {
    return this.requestRaw(contract.subject, JSON.stringify(payload), options) as Promise<
      Reply<Static<Rep>>
    >;
  }

  /** For callers that must send bytes a contract would refuse (tests of the edge, the gateway's pass-through). */
  async requestRaw(
    subject: string,
    body: string | Uint8Array,
    options: RequestOptions = {},
  ): Promise<Reply<unknown>> {
    const timeout = options.timeout_ms ?? LIMITS.nats_request_timeout_ms;
    let requestHeaders;
    if (options.requestId) {
      requestHeaders = natsHeaders();
      requestHeaders.set('x-request-id', options.requestId);
    }
    let text: string;
    try {
      const message = await this.connection.request(
        namespacedSubject(this.namespace, subject),
        body,
        {
          timeout,
          headers: requestHeaders,
        },
      );
      text = message.string();
    } catch (error) {
      return { ok: false, error: unavailable(subject, error).error };
    }
    const parsed: unknown = text.length === 0 ? null : JSON.parse(text);
    if (isErrorEnvelope(parsed)) return { ok: false, error: parsed.error };
    return { ok: true, value: parsed };
  }
}

function unavailable(subject: string, error: unknown): ErrorEnvelope {
  const name = (error as Error)?.name ?? 'Error';
  const reason =
    /NoResponders/i.test(name) || /no responders/i.test(String((error as Error)?.message))
      ? 'no responders'
      : /Timeout/i.test(name) || /timeout/i.test(String((error as Error)?.message))
        ? 'timed out'
        : String((error as Error)?.message ?? error);
  return errorEnvelope('SERVICE_UNAVAILABLE', `${subject}: ${reason}`);
}
