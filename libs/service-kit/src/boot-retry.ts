import { isDependencyDown } from '@omnistock/database';
import type { Logger } from '@omnistock/observability';
import { systemClock, type Clock } from './clock.js';

/**
 * How long a booting replica waits for Postgres or NATS to come (back) before it gives up:
 * a replica restarted while its dependencies restart too must wait for them, not die and
 * take a supervisor (or `npm start`) down with it.
 */
export const BOOT_DEPENDENCY_WAIT_MS_MAX = 120_000;
const BOOT_RETRY_PAUSE_MS_MAX = 2_000;

/** Runs a boot step again while its dependency is down, with backoff, up to the bound. */
export async function untilDependencyUp<T>(
  what: string,
  logger: Logger,
  step: () => Promise<T>,
  isDown: (error: unknown) => boolean = isDependencyDown,
  clock: Clock = systemClock,
): Promise<T> {
  const deadline_ms = Date.now() + BOOT_DEPENDENCY_WAIT_MS_MAX;
  for (let pause_ms = 100; ; pause_ms = Math.min(pause_ms * 2, BOOT_RETRY_PAUSE_MS_MAX)) {
    try {
      return await step();
    } catch (error) {
      if (!isDown(error) || Date.now() + pause_ms > deadline_ms) throw error;
      logger.warn({ err: error }, `${what} is not reachable yet; waiting for it`);
      await clock.sleep(pause_ms);
    }
  }
}

/** NATS not there (yet): refused or silent. A refused login is no outage: it fails at once. */
export function isNatsDown(error: unknown): boolean {
  const text = `${(error as { code?: string })?.code ?? ''} ${(error as Error)?.message ?? error}`;
  return (
    !/authoriz|authentic|permission/i.test(text) &&
    /refused|timeout|ECONN|closed|disconnect/i.test(text)
  );
}
