import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PG_ROOT = '/usr/lib/postgresql';
const START_WAIT_S_MAX = 60;

function binDir(): string | undefined {
  if (!existsSync(PG_ROOT)) return undefined;
  const version = readdirSync(PG_ROOT).sort((a, b) => Number(b) - Number(a))[0];
  return version ? join(PG_ROOT, version, 'bin') : undefined;
}

/** Debian's Postgres binaries, and a way to run them as `postgres` when the tests run as root. */
export const PRIVATE_POSTGRES_POSSIBLE =
  binDir() !== undefined && (process.getuid?.() !== 0 || existsSync('/usr/sbin/runuser'));

/**
 * A Postgres cluster of the caller's own, so it may crash and restart it without touching
 * the one every other suite uses. The synchronous methods suit a test's straight line; the
 * `Async` ones keep a caller's event loop (its clients and timers) running meanwhile.
 */
export class PrivatePostgres {
  readonly dataDir: string;
  private readonly bin = binDir()!;

  constructor(
    readonly port: number,
    private readonly options: { maxConnections?: number } = {},
  ) {
    const parent = mkdtempSync(join(tmpdir(), 'omnistock-private-pg-'));
    chmodSync(parent, 0o777);
    this.dataDir = join(parent, 'data');
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  private command(command: string, args: string[]): [string, string[]] {
    return process.getuid?.() === 0
      ? ['/usr/sbin/runuser', ['-u', 'postgres', '--', join(this.bin, command), ...args]]
      : [join(this.bin, command), args];
  }

  private run(command: string, args: string[]): void {
    const [file, argv] = this.command(command, args);
    const result = spawnSync(file, argv, { stdio: 'pipe', encoding: 'utf8' });
    if (result.status !== 0)
      throw new Error(`${command} failed: ${result.stderr || result.stdout}`);
  }

  private runAsync(command: string, args: string[]): Promise<void> {
    const [file, argv] = this.command(command, args);
    return new Promise((resolve, reject) => {
      const child = spawn(file, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      child.once('error', reject);
      child.once('exit', (code) =>
        code === 0 ? resolve() : reject(new Error(`${command} failed: ${output}`)),
      );
    });
  }

  private startArgs(): string[] {
    const maxConnections = this.options.maxConnections ?? 100;
    return [
      '-D',
      this.dataDir,
      '-w',
      '-t',
      String(START_WAIT_S_MAX),
      '-l',
      join(this.dataDir, 'server.log'),
      '-o',
      `-p ${this.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${this.dataDir} -c max_connections=${maxConnections}`,
      'start',
    ];
  }

  init(): void {
    this.run('initdb', ['-D', this.dataDir, '-U', 'postgres', '--auth=trust', '--no-sync']);
  }

  start(): void {
    this.run('pg_ctl', this.startArgs());
  }

  startAsync(): Promise<void> {
    return this.runAsync('pg_ctl', this.startArgs());
  }

  /** Whether the server runs (pg_ctl status), whatever an earlier start's wait concluded. */
  runningAsync(): Promise<boolean> {
    return this.runAsync('pg_ctl', ['-D', this.dataDir, 'status']).then(
      () => true,
      () => false,
    );
  }

  /** An immediate stop is a crash as far as the database is concerned: recovery replays the WAL. */
  crash(): void {
    this.run('pg_ctl', ['-D', this.dataDir, '-m', 'immediate', 'stop']);
  }

  crashAsync(): Promise<void> {
    return this.runAsync('pg_ctl', ['-D', this.dataDir, '-m', 'immediate', 'stop']);
  }

  dispose(): void {
    try {
      this.run('pg_ctl', ['-D', this.dataDir, '-m', 'fast', 'stop']);
    } catch {
      // already stopped
    }
    rmSync(join(this.dataDir, '..'), { recursive: true, force: true });
  }
}
