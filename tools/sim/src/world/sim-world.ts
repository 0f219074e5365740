import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceName } from '@omnistock/contracts';
import { createDatabase, withDatabase } from '@omnistock/database';
import { connectNats, NatsRequester } from '@omnistock/messaging';
import { freePort, PrivateNats, PrivatePostgres } from '@omnistock/testing';
import type { NatsConnection } from '@nats-io/transport-node';
import pg from 'pg';
import { ServiceProcess, type UnplannedExit } from './service-process.js';

const DATABASE = 'omnistock_sim';
/** Each replica's pool; with every replica at its pool's size Postgres still has room for the checker. */
const POOL_SIZE = 6;
const POSTGRES_CONNECTIONS_MAX = 200;
/** The simulator is the only client: the gateway must not throttle it into measuring the limiter. */
const GATEWAY_RATE_PER_S = 100_000;
/** How long a crashed Postgres may take to recover before the run gives up on it. */
const POSTGRES_RECOVERY_MS_MAX = 5 * 60_000;
const NATS_SERVICES: ServiceName[] = ['ledger', 'routing', 'promise', 'returns'];

export interface WorldOptions {
  root: string;
  replicas: number;
  outDir: string;
  say: (line: string) => void;
}

/**
 * The simulator's own world, so its faults disturb nobody: a private nats-server with
 * JetStream, a private Postgres cluster, every service as processes on the built code
 * (`replicas` of each NATS service, one gateway). Everything it starts, it stops. The code
 * must be built (`npm run sim` builds it first).
 */
export class SimWorld {
  readonly processes: ServiceProcess[] = [];
  readonly unplannedExits: UnplannedExit[] = [];
  readonly adminKey = `osk_sim_admin_${randomBytes(24).toString('base64url')}`;
  nats!: PrivateNats;
  postgres!: PrivatePostgres;
  connection!: NatsConnection;
  requester!: NatsRequester;
  gatewayUrl = '';
  databaseUrl = '';
  private disposed = false;
  private disposing: Promise<void> | undefined;
  private tornDown = false;
  private postgresRunning = false;

  /** Holds nothing yet: `open` starts it all; `dispose` stops whatever was started, even mid-way. */
  constructor(private readonly options: WorldOptions) {}

  async open(): Promise<void> {
    try {
      await this.start();
    } catch (error) {
      await this.dispose();
      throw error;
    }
  }

  private async start(): Promise<void> {
    const { say } = this.options;
    const logDir = join(this.options.outDir, 'logs');
    mkdirSync(logDir, { recursive: true });
    this.nats = new PrivateNats(await freePort());
    await this.nats.start();
    this.postgres = new PrivatePostgres(await freePort(), {
      maxConnections: POSTGRES_CONNECTIONS_MAX,
    });
    this.postgres.init();
    this.refuseIfDisposed();
    await this.startPostgres();
    this.refuseIfDisposed();
    await createDatabase(this.postgres.url, DATABASE);
    this.databaseUrl = withDatabase(this.postgres.url, DATABASE);
    say(`private NATS ${this.nats.url}, private Postgres on port ${this.postgres.port}`);
    this.connection = await connectNats(this.nats.url, 'omnistock-sim');
    this.requester = new NatsRequester(this.connection, '');

    const gatewayPort = await freePort();
    this.gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
    const env = (instance: string): Record<string, string> => ({
      DATABASE_URL: this.databaseUrl,
      NATS_URL: this.nats.url,
      OMNISTOCK_NATS_NAMESPACE: '',
      OMNISTOCK_INSTANCE_ID: instance,
      DATABASE_POOL_SIZE: String(POOL_SIZE),
      LOG_LEVEL: 'info',
    });
    const add = (service: ServiceName, replica: number, extra: Record<string, string> = {}) => {
      const name = `${service}-${replica}`;
      const process = new ServiceProcess(
        name,
        service,
        { ...env(name), ...extra },
        this.options.root,
        logDir,
        (exit, crashed) => this.onUnplannedExit(exit, crashed),
      );
      this.processes.push(process);
      return process;
    };
    for (const service of NATS_SERVICES)
      for (let replica = 1; replica <= this.options.replicas; replica++) add(service, replica);
    add('gateway', 1, {
      PORT: String(gatewayPort),
      HOST: '127.0.0.1',
      OMNISTOCK_ADMIN_KEY: this.adminKey,
      GATEWAY_RATE_LIMIT_PER_S: String(GATEWAY_RATE_PER_S),
      GATEWAY_RATE_LIMIT_BURST: String(GATEWAY_RATE_PER_S),
    });
    this.refuseIfDisposed();
    // First replicas first: two replicas of one service must not race each other's migrations.
    const firsts = this.processes.filter((p) => p.name.endsWith('-1'));
    await Promise.all(firsts.map((p) => p.start()));
    await Promise.all(this.processes.filter((p) => !firsts.includes(p)).map((p) => p.start()));
    say(
      `${this.processes.length} service processes ready: ${this.processes.map((p) => p.name).join(', ')}`,
    );
  }

  private refuseIfDisposed(): void {
    if (this.disposed) throw new Error('the simulator is stopping');
  }

  /** A replica that died by itself is noted and started again, as a supervisor would. */
  private onUnplannedExit(exit: UnplannedExit, crashed: ServiceProcess): void {
    if (this.disposed) return;
    this.unplannedExits.push(exit);
    this.options.say(
      `! ${exit.process} exited by itself (${exit.signal ?? `code ${exit.code}`}); restarting it`,
    );
    setTimeout(() => {
      if (!this.disposed) void crashed.start().catch(() => undefined);
    }, 500);
  }

  replicasOf(service: ServiceName): ServiceProcess[] {
    return this.processes.filter((p) => p.service === service);
  }

  get postgresUp(): boolean {
    return this.postgresRunning;
  }

  async crashPostgres(): Promise<void> {
    this.postgresRunning = false;
    await this.postgres.crashAsync();
  }

  /**
   * Starts Postgres after a crash. On a busy machine recovery can outlast pg_ctl's wait; the
   * server then goes on starting by itself, so a failed start is followed by a look and,
   * if it runs, by waiting until it accepts connections.
   */
  async startPostgres(): Promise<void> {
    try {
      await this.postgres.startAsync();
    } catch (error) {
      if (!(await this.postgres.runningAsync())) throw error;
      await this.untilPostgresAnswers();
    }
    this.postgresRunning = true;
  }

  private async untilPostgresAnswers(): Promise<void> {
    const deadline_ms = Date.now() + POSTGRES_RECOVERY_MS_MAX;
    for (;;) {
      const client = new pg.Client({ connectionString: this.postgres.url });
      client.on('error', () => undefined);
      try {
        await client.connect();
        await client.end();
        return;
      } catch (error) {
        if (Date.now() > deadline_ms) throw error;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  }

  /** After the faults: every process running, NATS and Postgres up; resolves when all are ready. */
  async heal(): Promise<void> {
    if (!this.nats.running) await this.nats.start();
    if (!this.postgresRunning) await this.startPostgres();
    for (const process of this.processes) process.resume();
    await Promise.all(this.processes.map((p) => p.start()));
  }

  /** Stops everything it started; asked twice (Ctrl-C during a stop), both wait for the one stop. */
  dispose(): Promise<void> {
    this.disposing ??= this.tearDown();
    return this.disposing;
  }

  private async tearDown(): Promise<void> {
    this.disposed = true;
    await Promise.all(this.processes.map((p) => p.retire().catch(() => undefined)));
    await Promise.all(this.processes.map((p) => p.closeLog()));
    await this.connection?.close().catch(() => undefined);
    await this.nats?.dispose().catch(() => undefined);
    this.postgres?.dispose();
    this.tornDown = true;
  }

  /** For an exit handler that cannot wait: kill what runs, stop Postgres (a daemon of its own). */
  disposeNow(): void {
    if (this.tornDown) return;
    this.disposed = true;
    this.tornDown = true;
    for (const process of this.processes) process.killNow();
    this.postgresRunning = false;
    this.nats?.killNow();
    this.postgres?.dispose();
  }
}
