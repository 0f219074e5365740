import type { RequestContract, Static, TSchema } from '@omnistock/contracts';
import type { NatsRequester } from '@omnistock/messaging';
import type { Random } from '../random.js';
import type { Journal } from './journal.js';
import { GatewayClient, issue, sendNats, type Answer } from './transport.js';

export interface ActorEnv {
  journal: Journal;
  requester: NatsRequester;
  gatewayUrl: string;
  /** When actors stop starting new work. */
  deadline_ms: number;
}

export interface ActorSpec {
  name: string;
  kind: string;
  /** The actor's own seeded stream. */
  random: Random;
  env: ActorEnv;
  /** Its API key at the gateway. */
  key: string;
  /** How it reaches the services: the gateway, or NATS as an in-network system. */
  transport: 'http' | 'nats';
  /** Pause between two steps. */
  think_ms: { min: number; max: number };
}

/**
 * A seeded actor: every choice comes from its own stream, so a seed replays the same
 * intentions whatever the others do; what the services answer may still differ run to run.
 */
export abstract class Actor {
  private readonly gateway: GatewayClient;
  readonly name: string;
  readonly kind: string;
  readonly transport: 'http' | 'nats';
  protected readonly random: Random;
  protected readonly env: ActorEnv;
  private readonly think_ms: { min: number; max: number };
  steps = 0;

  constructor(spec: ActorSpec) {
    ({
      name: this.name,
      kind: this.kind,
      transport: this.transport,
      random: this.random,
      env: this.env,
      think_ms: this.think_ms,
    } = spec);
    this.gateway = new GatewayClient(spec.env.gatewayUrl, spec.key);
  }

  protected abstract step(): Promise<void>;

  /** What the actor does when the load ends (release what it holds, …); nothing by default. */
  close(): Promise<void> {
    return Promise.resolve();
  }

  async run(): Promise<void> {
    while (Date.now() < this.env.deadline_ms) {
      this.steps++;
      await this.step();
      await new Promise((resolve) =>
        setTimeout(resolve, this.random.int(this.think_ms.min, this.think_ms.max)),
      );
    }
    await this.close();
  }

  /** A command over the gateway. */
  protected http(
    kind: string,
    id: string,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<Answer> {
    return issue(
      this.env.journal,
      { actor: this.name, actorKind: this.kind, kind, id, transport: 'http', payload: body },
      () => this.gateway.send(method, path, body),
    );
  }

  /** A command over NATS. */
  protected nats<Req extends TSchema, Rep extends TSchema>(
    kind: string,
    id: string,
    contract: RequestContract<Req, Rep>,
    payload: Static<Req>,
  ): Promise<Answer> {
    return issue(
      this.env.journal,
      { actor: this.name, actorKind: this.kind, kind, id, transport: 'nats', payload },
      () => sendNats(this.env.requester, contract, payload),
    );
  }

  /** A read over the gateway: not journaled, retried only by the next step. */
  protected read(path: string) {
    return this.gateway.send('GET', path);
  }
}
