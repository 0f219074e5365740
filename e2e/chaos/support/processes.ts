import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { health, type ServiceName } from '@omnistock/contracts';
import type { NatsRequester } from '@omnistock/messaging';
import { ensureBuilt as ensureBuiltFiles } from '@omnistock/testing';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const HEALTH_WAIT_MS_MAX = 30_000;
const STOP_WAIT_MS_MAX = 10_000;
const SCRIPTS: Record<string, string> = {
  ledger: 'dist/apps/stock-ledger/src/main.js',
  returns: 'dist/apps/returns/src/main.js',
};

/** Chaos needs real processes to kill; they run the built code, so build once if it is missing. */
export function ensureBuilt(): void {
  ensureBuiltFiles(Object.values(SCRIPTS));
}

/** Chaos tests take the port helper from here with the rest of their process kit. */
export { freePort } from '@omnistock/testing';

export function startServiceProcess(
  service: ServiceName,
  env: Record<string, string>,
): ChildProcess {
  return spawn(process.execPath, [join(ROOT, SCRIPTS[service]!)], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'silent', DATABASE_POOL_SIZE: '6', ...env },
    stdio: 'ignore',
  });
}

export async function waitForHealth(client: NatsRequester, service: ServiceName): Promise<void> {
  const deadline_ms = Date.now() + HEALTH_WAIT_MS_MAX;
  while (Date.now() < deadline_ms) {
    if ((await client.request(health[service], {}, { timeout_ms: 1_000 })).ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${service} did not answer health in ${HEALTH_WAIT_MS_MAX} ms`);
}

export function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_WAIT_MS_MAX);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill(signal);
  });
}

/** A NATS server of the test's own, so the test may kill it without touching anyone else's. */
export class PrivateNats {
  private child: ChildProcess | undefined;
  readonly storeDir = mkdtempSync(join(tmpdir(), 'omnistock-chaos-nats-'));

  constructor(readonly port: number) {}

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.child = spawn(
      '/usr/sbin/nats-server',
      ['-a', '127.0.0.1', '-p', String(this.port), '-js', '-sd', this.storeDir],
      {
        stdio: 'ignore',
      },
    );
    for (let waited_ms = 0; waited_ms < 10_000; waited_ms += 100) {
      if (await portAnswers(this.port)) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('private nats-server did not start');
  }

  async stop(): Promise<void> {
    if (this.child) await stop(this.child);
    this.child = undefined;
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.storeDir, { recursive: true, force: true });
  }
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    import('node:net').then(({ connect }) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
  });
}

export const NATS_SERVER_PRESENT = existsSync('/usr/sbin/nats-server');
