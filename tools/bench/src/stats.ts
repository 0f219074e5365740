/** Latency samples in milliseconds, summarised the way the targets are stated. */
export interface LatencySummary {
  count: number;
  p50_ms: number;
  p99_ms: number;
  max_ms: number;
}

export function summarise(samples_ms: number[]): LatencySummary {
  if (samples_ms.length === 0) return { count: 0, p50_ms: 0, p99_ms: 0, max_ms: 0 };
  const sorted = Float64Array.from(samples_ms).sort();
  const at = (quantile: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))]!;
  return {
    count: sorted.length,
    p50_ms: round(at(0.5)),
    p99_ms: round(at(0.99)),
    max_ms: round(sorted[sorted.length - 1]!),
  };
}

export function round(value: number, digits = 3): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
