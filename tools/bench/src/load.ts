/**
 * A closed loop: `concurrency` workers each send, await the reply, and send again, until
 * the duration is up or a worker is told to stop. Closed loops measure what the system
 * sustains without queueing without bound.
 */
export interface LoadResult {
  ok: number;
  failed: number;
  elapsed_s: number;
  samples_ms: number[];
  failures: Record<string, number>;
}

export type Outcome = { ok: true } | { ok: false; code: string; stopWorker?: boolean };

/** Every run ends by itself: this many seconds at the most, whatever the scenario asks. */
export const LOAD_DURATION_S_MAX = 60;

export async function runClosedLoop(options: {
  concurrency: number;
  duration_s: number;
  send: (worker: number, iteration: number) => Promise<Outcome>;
}): Promise<LoadResult> {
  const deadline_ms = performance.now() + Math.min(options.duration_s, LOAD_DURATION_S_MAX) * 1000;
  const samples_ms: number[] = [];
  const failures: Record<string, number> = {};
  let ok = 0;
  let failed = 0;
  let lastSuccess_ms = 0;
  const started_ms = performance.now();
  await Promise.all(
    Array.from({ length: options.concurrency }, async (_, worker) => {
      for (let iteration = 0; performance.now() < deadline_ms; iteration++) {
        const sent_ms = performance.now();
        const outcome = await options.send(worker, iteration);
        const received_ms = performance.now();
        samples_ms.push(received_ms - sent_ms);
        if (outcome.ok) {
          ok++;
          lastSuccess_ms = received_ms;
        } else {
          failed++;
          failures[outcome.code] = (failures[outcome.code] ?? 0) + 1;
          if (outcome.stopWorker) return;
        }
      }
    }),
  );
  // Throughput counts until the last success: a flash sale is over when the stock is.
  const end_ms = ok > 0 ? lastSuccess_ms : performance.now();
  return { ok, failed, elapsed_s: (end_ms - started_ms) / 1000, samples_ms, failures };
}
