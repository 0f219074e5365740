import type { ChildProcess } from 'node:child_process';

const STOP_WAIT_MS_MAX = 10_000;

/**
 * Stops a child and resolves once it has exited: `signal` first, SIGKILL if it is still
 * there after `wait_ms`. A child already gone (by exit or by signal) resolves at once.
 */
export function stopChild(
  child: ChildProcess,
  signal: NodeJS.Signals = 'SIGTERM',
  wait_ms = STOP_WAIT_MS_MAX,
): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), wait_ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill(signal);
  });
}
