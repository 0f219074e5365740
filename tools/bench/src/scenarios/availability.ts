import { ledger } from '@omnistock/contracts';
import type { NatsRequester } from '@omnistock/messaging';
import { runClosedLoop, type LoadResult } from '../load.js';

export function availabilityBody(skus: string[]): string {
  return JSON.stringify({ channel: 'web', skus });
}

export function availabilityQueries(
  client: NatsRequester,
  concurrency: number,
  duration_s: number,
  skus: string[],
): Promise<LoadResult> {
  const body = availabilityBody(skus);
  return runClosedLoop({
    concurrency,
    duration_s,
    send: async () => {
      const reply = await client.requestRaw(ledger.availability.subject, body);
      return reply.ok ? { ok: true } : { ok: false, code: reply.error.code };
    },
  });
}
