import type { RequestContract, Static, TSchema } from '@omnistock/contracts';
import type { NatsRequester } from '@omnistock/messaging';
import type { CommandMeta, Journal, Outcome } from './journal.js';

/** One try's answer: definite (ok or a typed refusal), or not now (retry with the same id). */
export type Attempt =
  | { kind: 'ok'; value: any }
  | { kind: 'refused'; code: string; message: string; status?: number }
  | { kind: 'retry'; code: string; message: string; status?: number; anomaly?: boolean };

export interface Answer {
  outcome: Outcome;
  value?: any;
  code?: string;
}

const HTTP_TIMEOUT_MS = 15_000;
const NATS_TIMEOUT_MS = 10_000;
/** A command is retried with the same id this long at most, then its outcome stays unknown. */
const RETRY_MS_MAX = 30_000;
const RETRY_PAUSE_MS_MIN = 150;
const RETRY_PAUSE_MS_MAX = 1_500;
/** Answers that mean "not now": the same command is sent again. */
const TRANSIENT_CODES = new Set(['SERVICE_UNAVAILABLE', 'IN_PROGRESS', 'RATE_LIMITED']);

/** The gateway over HTTP, with one actor's key. */
export class GatewayClient {
  constructor(
    private readonly baseUrl: string,
    private readonly key: string,
  ) {}

  async send(method: string, path: string, body?: unknown): Promise<Attempt> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${this.key}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(HTTP_TIMEOUT_MS),
      });
    } catch (error) {
      return { kind: 'retry', code: 'NO_ANSWER', message: String((error as Error).message) };
    }
    const text = await response.text().catch(() => '');
    let parsed: any;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = null;
    }
    const status = response.status;
    if (status >= 200 && status < 300) return { kind: 'ok', value: parsed };
    const code: string = parsed?.error?.code ?? `HTTP_${status}`;
    const message: string = parsed?.error?.message ?? text.slice(0, 200);
    if (status === 503 || status === 429 || status === 502 || status === 504)
      return { kind: 'retry', code, message, status };
    if (status >= 500 || status === 400)
      return { kind: 'retry', code, message, status, anomaly: true };
    return { kind: 'refused', code, message, status };
  }
}

/** A service over NATS, as a warehouse system or an in-network channel calls it. */
export async function sendNats<Req extends TSchema, Rep extends TSchema>(
  requester: NatsRequester,
  contract: RequestContract<Req, Rep>,
  payload: Static<Req>,
): Promise<Attempt> {
  const reply = await requester.request(contract, payload, { timeout_ms: NATS_TIMEOUT_MS });
  if (reply.ok) return { kind: 'ok', value: reply.value };
  const { code, message } = reply.error;
  if (TRANSIENT_CODES.has(code)) return { kind: 'retry', code, message };
  if (code === 'INTERNAL' || code === 'VALIDATION_FAILED')
    return { kind: 'retry', code, message, anomaly: true };
  return { kind: 'refused', code, message };
}

/**
 * Sends a command until it gets a definite answer, retrying with the same id (the services
 * must answer a retry as a replay), and journals what the actor was finally told. A 500, or
 * a 400 for a command built valid, is noted as an anomaly; a 400 is not retried.
 */
export async function issue(
  journal: Journal,
  meta: CommandMeta,
  send: () => Promise<Attempt>,
): Promise<Answer> {
  const sent_ms = Date.now();
  let attempts = 0;
  let last: Attempt | undefined;
  while (Date.now() - sent_ms < RETRY_MS_MAX) {
    attempts++;
    last = await send();
    if (last.kind === 'retry' && last.anomaly) {
      journal.anomaly({
        actor: meta.actor,
        kind: meta.kind,
        id: meta.id,
        transport: meta.transport,
        status: last.status,
        code: last.code,
        message: last.message,
        at_ms: Date.now(),
      });
      if (last.code === 'VALIDATION_FAILED') break;
    }
    if (last.kind !== 'retry') break;
    // Timing only, never a decision: the seeded streams must not depend on how often a retry ran.
    const pause_ms = RETRY_PAUSE_MS_MIN + Math.random() * (RETRY_PAUSE_MS_MAX - RETRY_PAUSE_MS_MIN);
    await new Promise((resolve) => setTimeout(resolve, pause_ms));
  }
  const answer: Answer =
    last?.kind === 'ok'
      ? { outcome: 'ok', value: last.value }
      : last?.kind === 'refused'
        ? { outcome: 'refused', code: last.code }
        : { outcome: 'unknown', code: last?.code ?? 'NOT_SENT' };
  journal.record({
    ...meta,
    outcome: answer.outcome,
    code: answer.code,
    reply: answer.value,
    attempts,
    sent_ms,
    answered_ms: Date.now(),
  });
  return answer;
}
