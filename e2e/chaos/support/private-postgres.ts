import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PG_ROOT = '/usr/lib/postgresql';

function binDir(): string | undefined {
  if (!existsSync(PG_ROOT)) return undefined;
  const version = readdirSync(PG_ROOT).sort((a, b) => Number(b) - Number(a))[0];
  return version ? join(PG_ROOT, version, 'bin') : undefined;
}

/** Debian's Postgres binaries, and a way to run them as `postgres` when the tests run as root. */
export const PRIVATE_POSTGRES_POSSIBLE =
  binDir() !== undefined && (process.getuid?.() !== 0 || existsSync('/usr/sbin/runuser'));

/**
 * A Postgres cluster of the test's own, so the test may crash and restart it without
 * touching the one every other suite uses.
 */
export class PrivatePostgres {
  readonly dataDir: string;
  private readonly bin = binDir()!;

  constructor(readonly port: number) {
    const parent = mkdtempSync(join(tmpdir(), 'omnistock-chaos-pg-'));
    chmodSync(parent, 0o777);
    this.dataDir = join(parent, 'data');
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  private run(command: string, args: string[]): void {
    const asRoot = process.getuid?.() === 0;
    const [file, argv] = asRoot
      ? ['/usr/sbin/runuser', ['-u', 'postgres', '--', join(this.bin, command), ...args]]
      : [join(this.bin, command), args];
    const result = spawnSync(file, argv as string[], { stdio: 'pipe', encoding: 'utf8' });
    if (result.status !== 0)
      throw new Error(`${command} failed: ${result.stderr || result.stdout}`);
  }

  init(): void {
    this.run('initdb', ['-D', this.dataDir, '-U', 'postgres', '--auth=trust', '--no-sync']);
  }

  start(): void {
    this.run('pg_ctl', [
      '-D',
      this.dataDir,
      '-w',
      '-t',
      '30',
      '-l',
      join(this.dataDir, 'server.log'),
      '-o',
      `-p ${this.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${this.dataDir} -c max_connections=100`,
      'start',
    ]);
  }

  /** An immediate stop is a crash as far as the database is concerned: recovery replays the WAL. */
  crash(): void {
    this.run('pg_ctl', ['-D', this.dataDir, '-m', 'immediate', 'stop']);
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
