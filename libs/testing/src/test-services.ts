import { randomBytes } from 'node:crypto';
import { connectNats, deleteEventStream, NatsRequester } from '@omnistock/messaging';
import {
  startService,
  type RunningService,
  type ServiceConfig,
  type ServiceDefinition,
} from '@omnistock/service-kit';
import type { NatsConnection } from '@nats-io/transport-node';
import { TEST_NATS_URL } from './environment.js';
import { createThrowawayDatabase, type ThrowawayDatabase } from './throwaway-database.js';

/** Replicas of every service a test starts; 1 unless the run asks for more. */
export const TEST_REPLICAS = Math.max(
  1,
  Math.min(4, Number(process.env.OMNISTOCK_TEST_REPLICAS ?? 1) || 1),
);

/**
 * One suite's world: its own database, its own NATS namespace (so suites running side by
 * side never answer each other), a client, and services started in-process against them.
 */
export class TestWorld {
  private readonly running = new Set<RunningService>();
  private instances = 0;

  private constructor(
    readonly database: ThrowawayDatabase,
    readonly namespace: string,
    readonly connection: NatsConnection,
    readonly client: NatsRequester,
  ) {}

  static async create(label: string): Promise<TestWorld> {
    const database = await createThrowawayDatabase(label);
    const namespace = `t${randomBytes(4).toString('hex')}`;
    const connection = await connectNats(TEST_NATS_URL, `test-${label}`);
    return new TestWorld(database, namespace, connection, new NatsRequester(connection, namespace));
  }

  config(overrides: Partial<ServiceConfig> = {}): ServiceConfig {
    return {
      databaseUrl: this.database.url,
      natsUrl: TEST_NATS_URL,
      natsNamespace: this.namespace,
      instanceId: `replica${++this.instances}`,
      logLevel: process.env.TEST_LOG_LEVEL ?? 'silent',
      databasePoolSize: 8,
      streamReplicas: 1,
      ...overrides,
    };
  }

  /**
   * Starts the service; with OMNISTOCK_TEST_REPLICAS=N, N replicas of it behind its queue
   * group, answered for by the first: closing it closes them all. The acceptance suite
   * passes either way (`npm run test:replicas`).
   */
  async start(
    definition: ServiceDefinition,
    overrides: Partial<ServiceConfig> = {},
  ): Promise<RunningService> {
    const replicas: RunningService[] = [];
    for (let replica = 0; replica < TEST_REPLICAS; replica++) {
      replicas.push(await startService(definition, this.config(overrides)));
    }
    const [first] = replicas;
    const service: RunningService =
      replicas.length === 1
        ? first!
        : {
            ...first!,
            close: async () => void (await Promise.all(replicas.map((r) => r.close()))),
          };
    this.running.add(service);
    return service;
  }

  async stop(service: RunningService): Promise<void> {
    this.running.delete(service);
    await service.close();
  }

  async dispose(): Promise<void> {
    for (const service of this.running) await service.close().catch(() => undefined);
    this.running.clear();
    await deleteEventStream(this.connection, this.namespace);
    await this.connection.close();
    await this.database.drop();
  }
}
