import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { isAlive, sleep } from './probes.mjs';

const kill_wait_ms_max = 5_000;
const pid_poll_ms = 100;
const liveChildren = new Set();

/** Every child still running, including one whose start was interrupted before anyone kept it. */
export function runningChildren() {
  return [...liveChildren];
}

/**
 * A child we started and must stop. Each gets its own process group (detached) so that a
 * terminal's Ctrl-C reaches only this script, which then stops the services before the
 * database and NATS they depend on, instead of everything dying at once.
 */
export class Child {
  constructor(name, command, args, { lastResortSignal = 'SIGKILL', ...spawnOptions } = {}) {
    this.name = name;
    this.expectedExit = false;
    this.lastResortSignal = lastResortSignal;
    this.process = spawn(command, args, { ...spawnOptions, detached: true });
    liveChildren.add(this);
    this.exited = new Promise((resolve) => {
      this.process.once('error', (error) => resolve({ code: null, signal: null, error }));
      this.process.once('exit', (code, signal) => resolve({ code, signal }));
    }).finally(() => liveChildren.delete(this));
  }

  get pid() {
    return this.process.pid;
  }

  get running() {
    return (
      this.process.pid !== undefined &&
      this.process.exitCode === null &&
      this.process.signalCode === null
    );
  }

  /** Each line the child prints, on stdout or stderr; needs stdio 'pipe'. */
  onLine(handler) {
    for (const stream of [this.process.stdout, this.process.stderr]) {
      if (stream) createInterface({ input: stream, crlfDelay: Infinity }).on('line', handler);
    }
  }

  async stop(signal, wait_ms_max) {
    this.expectedExit = true;
    if (!this.running) return this.exited;
    this.process.kill(signal);
    if (await settlesWithin(this.exited, wait_ms_max)) return this.exited;
    this.process.kill('SIGKILL');
    await settlesWithin(this.exited, kill_wait_ms_max);
    return this.exited;
  }

  /** Last resort from a synchronous 'exit' handler: nothing of ours outlives this script. */
  killNow() {
    if (this.running) this.process.kill(this.lastResortSignal);
  }
}

/** Stops a process we did not spawn in this run (one an earlier, crashed run left behind). */
export async function stopPid(pid, signal, wait_ms_max) {
  if (!isAlive(pid)) return;
  process.kill(pid, signal);
  const deadline = Date.now() + wait_ms_max;
  while (isAlive(pid) && Date.now() < deadline) await sleep(pid_poll_ms);
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
}

async function settlesWithin(promise, wait_ms) {
  let timer;
  const timeout = new Promise((resolve) => (timer = setTimeout(() => resolve(false), wait_ms)));
  const settled = await Promise.race([promise.then(() => true), timeout]);
  clearTimeout(timer);
  return settled;
}
