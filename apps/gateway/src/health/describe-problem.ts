import type { ServiceStatus } from './service-probe.js';

/** One line an on-call engineer reads: which service, and what about it. */
export function describeProblem(status: ServiceStatus): string {
  if (!status.up) return `${status.service}: down (${status.error?.message ?? 'no answer'})`;
  const failing = Object.entries(status.checks ?? {})
    .filter(([, check]) => !check.ok)
    .map(([name]) => name);
  return `${status.service}: degraded (${failing.join(', ') || 'unknown'})`;
}
