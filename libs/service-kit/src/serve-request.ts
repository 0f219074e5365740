import {
  errorEnvelope,
  type ErrorEnvelope,
  type RequestContract,
  type Result,
  type Static,
  type TSchema,
} from '@omnistock/contracts';
import { RawJsonReply, UnreadablePayload } from '@omnistock/messaging';
import type { ServiceRuntime } from './runtime.js';
import { isDependencyDown } from '@omnistock/database';

/**
 * The NATS edge of every handler: reject unreadable or invalid payloads with the typed
 * envelope, run the use case, turn its expected failures into the envelope, and keep
 * surprises (bugs, a database outage) from leaking anything but a code.
 */
export async function serveRequest<Req extends TSchema, Rep extends TSchema>(
  runtime: ServiceRuntime,
  contract: RequestContract<Req, Rep>,
  raw: unknown,
  run: (request: Static<Req>) => Promise<Result<Static<Rep> | RawJsonReply>>,
): Promise<Static<Rep> | RawJsonReply | ErrorEnvelope> {
  const stopTimer = runtime.metrics.requestSeconds.startTimer({ subject: contract.subject });
  let outcome = 'ok';
  try {
    if (raw instanceof UnreadablePayload) {
      outcome = raw.code;
      return errorEnvelope(raw.code, raw.message);
    }
    const validation = contract.request.validate(raw);
    if (!validation.ok) {
      outcome = validation.error.error.code;
      return validation.error;
    }
    const result = await run(validation.value);
    if (result.ok) return result.value;
    outcome = result.error.code;
    return result.error.toEnvelope();
  } catch (error) {
    if (isDependencyDown(error)) {
      outcome = 'SERVICE_UNAVAILABLE';
      runtime.logger.warn({ subject: contract.subject, err: error }, 'dependency unavailable');
      return errorEnvelope(
        'SERVICE_UNAVAILABLE',
        'a dependency of this service is unavailable; retry with the same key',
      );
    }
    outcome = 'INTERNAL';
    runtime.logger.error({ subject: contract.subject, err: error }, 'unexpected failure');
    return errorEnvelope('INTERNAL', 'unexpected failure; it has been logged');
  } finally {
    stopTimer();
    runtime.metrics.requests.inc({ subject: contract.subject, outcome });
  }
}
