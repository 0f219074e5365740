import { benchEcho } from '@omnistock/contracts';
import type { NatsRequester } from '@omnistock/messaging';
import { runClosedLoop, type LoadResult } from '../load.js';

/** The baseline: the same client, concurrency and request bytes, answered by a process that only echoes. */
export function echoBaseline(
  client: NatsRequester,
  concurrency: number,
  duration_s: number,
  body: string,
): Promise<LoadResult> {
  return runClosedLoop({
    concurrency,
    duration_s,
    send: async () => {
      const reply = await client.requestRaw(benchEcho.subject, body);
      return reply.ok ? { ok: true } : { ok: false, code: reply.error.code };
    },
  });
}
