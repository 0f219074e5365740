import { randomBytes } from 'node:crypto';
import type { RequestContract, Static, TSchema } from '@omnistock/contracts';
import { connectNats, deleteEventStream, NatsRequester } from '@omnistock/messaging';
import {
  startService,
  type RunningService,
  type ServiceConfig,
  type ServiceDefinition,
} from '@omnistock/service-kit';
import type { NatsConnection } from '@nats-io/transport-node';
import { TEST_NATS_URL } from './environment.js';
import { startReplicaProcess, type ReplicaProcess } from './replica-processes.js';
import { createThrowawayDatabase, type ThrowawayDatabase } from './throwaway-database.js';

/** Generous: a suite's requests share two cores with its services and Postgres. */
const TEST_REQUEST_TIMEOUT_MS = 20_000;

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

  /** Sends a request and returns the reply or the error envelope's body, whichever came. */
  call<Req extends TSchema, Rep extends TSchema>(
    contract: RequestContract<Req, Rep>,
    payload: Static<Req>,
  ) {
    return this.client.request(contract, payload, { timeout_ms: TEST_REQUEST_TIMEOUT_MS });
  }

  /** Sends a request that must succeed and returns its value; a refusal fails the test with its code. */
  async ok<Req extends TSchema, Rep extends TSchema>(
    contract: RequestContract<Req, Rep>,
    payload: Static<Req>,
  ): Promise<Static<Rep>> {
    const reply = await this.call(contract, payload);
    if (!reply.ok) throw new Error(`${contract.subject} failed: ${JSON.stringify(reply.error)}`);
    return reply.value;
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
   * Starts the service in this process; with OMNISTOCK_TEST_REPLICAS=N, N−1 more replicas
   * run as processes of their own behind the same queue group, so every request of the
   * suite may land on any of them. The in-process one answers for all: closing it stops
   * them all. The acceptance suite passes either way (`npm run test:replicas`).
   */
  async start(
    definition: ServiceDefinition,
    overrides: Partial<ServiceConfig> = {},
  ): Promise<RunningService> {
    const first = await startService(definition, this.config(overrides));
    const others: ReplicaProcess[] = [];
    for (let replica = 1; replica < TEST_REPLICAS; replica++) {
      others.push(await startReplicaProcess(definition.name, this.config(overrides)));
    }
    const service: RunningService =
      others.length === 0
        ? first
        : {
            ...first,
            close: async () => {
              await Promise.all(others.map((other) => other.stop()));
              await first.close();
            },
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
