import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import type { ServiceName } from '@omnistock/contracts';
import { SERVICE_ENTRY_POINTS, stopChild } from '@omnistock/testing';

const READY_WAIT_MS_MAX = 180_000;
const LOG_TAIL_LINES = 20;

export type ProcessState = 'stopped' | 'starting' | 'running' | 'paused' | 'killed';

/** An exit the simulator did not cause: a service that died by itself. */
export interface UnplannedExit {
  process: string;
  code: number | null;
  signal: string | null;
  at_ms: number;
  logTail: string[];
}

/**
 * One replica of a service as a process of its own, on the built code, with its log in a
 * file. The simulator kills (-9), pauses (SIGSTOP) and restarts it; an exit it did not
 * cause is recorded and the replica is started again, as a supervisor would.
 */
export class ServiceProcess {
  state: ProcessState = 'stopped';
  starts = 0;
  private child: ChildProcess | undefined;
  private log: WriteStream | undefined;
  private tail: string[] = [];
  private startedOnce: Promise<void> | undefined;
  /** Stopped for good: no restart, whoever asks. */
  private retired = false;

  constructor(
    readonly name: string,
    readonly service: ServiceName,
    private readonly env: Record<string, string>,
    private readonly root: string,
    private readonly logDir: string,
    private readonly onUnplannedExit: (exit: UnplannedExit, process: ServiceProcess) => void,
  ) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Resolves once the replica logged that it is ready (its subscriptions are live). */
  start(): Promise<void> {
    if (this.retired) return Promise.reject(new Error(`${this.name} is retired`));
    if (this.state === 'starting' || this.state === 'running' || this.state === 'paused')
      return this.startedOnce ?? Promise.resolve();
    this.state = 'starting';
    this.starts++;
    this.log ??= createWriteStream(join(this.logDir, `${this.name}.log`), { flags: 'a' });
    this.log.write(`--- start ${this.starts} at ${new Date().toISOString()}\n`);
    const child = spawn(process.execPath, [join(this.root, SERVICE_ENTRY_POINTS[this.service])], {
      cwd: this.root,
      env: { ...process.env, ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const readyLine = `"msg":"${this.service} ready"`;
    this.startedOnce = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`${this.name} not ready in ${READY_WAIT_MS_MAX} ms`));
      }, READY_WAIT_MS_MAX);
      let pending = '';
      const onData = (chunk: Buffer) => {
        this.log?.write(chunk);
        pending += chunk.toString();
        const lines = pending.split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) {
          this.tail.push(line);
          if (this.tail.length > LOG_TAIL_LINES) this.tail.shift();
          if (this.state === 'starting' && line.includes(readyLine)) {
            this.state = 'running';
            clearTimeout(timer);
            resolve();
          }
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        if (this.child !== child) return;
        this.child = undefined;
        const planned = this.state === 'killed' || this.state === 'stopped';
        if (!planned) {
          this.state = 'stopped';
          this.onUnplannedExit(
            { process: this.name, code, signal, at_ms: Date.now(), logTail: [...this.tail] },
            this,
          );
          reject(new Error(`${this.name} exited (${signal ?? code}) before it was ready`));
        }
      });
    });
    // A start nobody awaits (a restart in the background) must not become an unhandled rejection.
    this.startedOnce.catch(() => undefined);
    return this.startedOnce;
  }

  /** kill -9: no shutdown hook runs, in-flight work is lost mid-way. */
  kill(): void {
    if (!this.child) return;
    this.state = 'killed';
    this.child.kill('SIGKILL');
  }

  /** The process stops being scheduled: its leases run out, its requests time out. */
  pause(): void {
    if (this.state !== 'running' || !this.child) return;
    this.state = 'paused';
    this.child.kill('SIGSTOP');
  }

  resume(): void {
    if (this.state !== 'paused' || !this.child) return;
    this.state = 'running';
    this.child.kill('SIGCONT');
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (this.state === 'paused') child?.kill('SIGCONT');
    this.state = 'stopped';
    if (child) await stopChild(child);
    this.child = undefined;
  }

  /** Stops it for good, for the end of the run. */
  retire(): Promise<void> {
    this.retired = true;
    return this.stop();
  }

  /** For an exit handler: no waiting, nothing left behind. */
  killNow(): void {
    this.retired = true;
    this.state = 'stopped';
    this.child?.kill('SIGKILL');
  }

  closeLog(): Promise<void> {
    return new Promise((resolve) => (this.log ? this.log.end(resolve) : resolve()));
  }
}
