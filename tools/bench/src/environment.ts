import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { health, type ServiceName } from '@omnistock/contracts';
import { createDatabase, dropDatabase, withDatabase } from '@omnistock/database';
import { connectNats, deleteEventStream, NatsRequester } from '@omnistock/messaging';
import type { NatsConnection } from '@nats-io/transport-node';

const HEALTH_WAIT_MS_MAX = 60_000;
const STOP_WAIT_MS_MAX = 10_000;

/** Extra node flags for the ledger processes, to profile them: BENCH_LEDGER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof". */
function ledgerNodeArgs(): string[] {
  return (process.env.BENCH_LEDGER_NODE_ARGS ?? '').split(' ').filter(Boolean);
}

export interface BenchEnvironmentOptions {
  adminDatabaseUrl: string;
  natsUrl: string;
  ledgerReplicas: number;
}

/**
 * Everything one benchmark run needs, made fresh and removed after: a database, a NATS
 * namespace, the ledger as real processes (built code, as in production) and the echo responder.
 */
export class BenchEnvironment {
  private readonly children: { name: string; process: ChildProcess }[] = [];

  private constructor(
    readonly options: BenchEnvironmentOptions,
    readonly database: string,
    readonly namespace: string,
    readonly connection: NatsConnection,
    readonly client: NatsRequester,
  ) {}

  static async create(options: BenchEnvironmentOptions): Promise<BenchEnvironment> {
    const suffix = randomBytes(3).toString('hex');
    const database = `omnistock_bench_${suffix}`;
    await createDatabase(options.adminDatabaseUrl, database);
    const namespace = `bench${suffix}`;
    const connection = await connectNats(options.natsUrl, 'omnistock-bench-client');
    return new BenchEnvironment(
      options,
      database,
      namespace,
      connection,
      new NatsRequester(connection, namespace),
    );
  }

  get databaseUrl(): string {
    return withDatabase(this.options.adminDatabaseUrl, this.database);
  }

  private spawnNode(
    name: string,
    script: string,
    env: Record<string, string>,
    nodeArgs: string[] = [],
  ): ChildProcess {
    const child = spawn(process.execPath, [...nodeArgs, script], {
      env: {
        ...process.env,
        NATS_URL: this.options.natsUrl,
        OMNISTOCK_NATS_NAMESPACE: this.namespace,
        LOG_LEVEL: 'warn',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    this.children.push({ name, process: child });
    return child;
  }

  async startEcho(): Promise<void> {
    const child = this.spawnNode('echo', 'dist/tools/bench/src/echo-responder.js', {});
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('echo responder did not start')),
        HEALTH_WAIT_MS_MAX,
      );
      child.stdout!.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('echo ready')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => reject(new Error(`echo responder exited with ${code}`)));
    });
  }

  async startLedger(): Promise<void> {
    for (let replica = 0; replica < this.options.ledgerReplicas; replica++) {
      const child = this.spawnNode(
        `ledger-${replica}`,
        'dist/apps/stock-ledger/src/main.js',
        {
          DATABASE_URL: this.databaseUrl,
          OMNISTOCK_INSTANCE_ID: `bench-${replica}`,
          DATABASE_POOL_SIZE: '10',
        },
        ledgerNodeArgs(),
      );
      child.stdout!.resume();
    }
    await this.waitForHealth('ledger');
  }

  private async waitForHealth(service: ServiceName): Promise<void> {
    const deadline_ms = Date.now() + HEALTH_WAIT_MS_MAX;
    while (Date.now() < deadline_ms) {
      const reply = await this.client.request(health[service], {}, { timeout_ms: 1_000 });
      if (reply.ok) return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`${service} did not answer health within ${HEALTH_WAIT_MS_MAX} ms`);
  }

  async dispose(): Promise<void> {
    await Promise.all(
      this.children.map(
        ({ process: child }) =>
          new Promise<void>((resolve) => {
            // A child ended by a signal has no exit code; waiting for its 'exit' would hang.
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            const timer = setTimeout(() => child.kill('SIGKILL'), STOP_WAIT_MS_MAX);
            child.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            child.kill('SIGTERM');
          }),
      ),
    );
    await deleteEventStream(this.connection, this.namespace);
    await this.connection.close();
    await dropDatabase(this.options.adminDatabaseUrl, this.database);
  }
}
