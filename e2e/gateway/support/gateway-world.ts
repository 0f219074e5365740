import { randomBytes } from 'node:crypto';
import { ledger, type RequestContract, type Static, type TSchema } from '@omnistock/contracts';
import { startGateway, type GatewayConfig } from '@omnistock/app-gateway';
import { promiseService } from '@omnistock/app-delivery-promise';
import { routingService } from '@omnistock/app-order-routing';
import { returnsService } from '@omnistock/app-returns';
import { ledgerService } from '@omnistock/app-stock-ledger';
import type { RunningHttpService, RunningService, ServiceDefinition } from '@omnistock/service-kit';
import { TEST_LOCATIONS, TestWorld } from '@omnistock/testing';

export const LOCATIONS = TEST_LOCATIONS;

export interface HttpReply {
  status: number;
  headers: Headers;
  /** Parsed JSON when the reply is JSON, the text otherwise. */
  body: any;
}

export interface HttpOptions {
  key?: string | null;
  /** An object is sent as JSON; a string is sent as it is (malformed JSON, odd types). */
  body?: unknown;
  headers?: Record<string, string>;
}

const OTHER_SERVICES: Record<string, ServiceDefinition> = {
  routing: routingService,
  promise: promiseService,
  returns: returnsService,
};

/**
 * A gateway suite's world: its own database and NATS namespace, the ledger (and, unless
 * told otherwise, every other service) started in-process, and the gateway on a free port.
 */
export class GatewayWorld {
  readonly adminKey = `osk_admin_${randomBytes(24).toString('base64url')}`;
  readonly services = new Map<string, RunningService>();
  readonly gateways: RunningHttpService[] = [];

  private constructor(readonly world: TestWorld) {}

  static async create(
    label: string,
    options: { others?: boolean; gateway?: Partial<GatewayConfig> } = {},
  ): Promise<GatewayWorld> {
    const world = await TestWorld.create(label);
    const gatewayWorld = new GatewayWorld(world);
    try {
      gatewayWorld.services.set('ledger', await world.start(ledgerService));
      if (options.others !== false) {
        for (const [name, definition] of Object.entries(OTHER_SERVICES))
          gatewayWorld.services.set(name, await world.start(definition));
      }
      await gatewayWorld.startGateway(options.gateway);
    } catch (error) {
      await gatewayWorld.dispose();
      throw error;
    }
    return gatewayWorld;
  }

  get gateway(): RunningHttpService {
    return this.gateways[0]!;
  }

  get url(): string {
    return this.gateway.url;
  }

  async startGateway(overrides: Partial<GatewayConfig> = {}): Promise<RunningHttpService> {
    const config: GatewayConfig = {
      service: this.world.config(),
      port: 0,
      host: '127.0.0.1',
      adminKey: this.adminKey,
      rateLimitPerSecond: 1_000,
      rateLimitBurst: 1_000,
      natsTimeoutMs: 5_000,
      healthTimeoutMs: 500,
      ...overrides,
    };
    const gateway = await startGateway(config);
    this.gateways.push(gateway);
    return gateway;
  }

  async stopService(name: string): Promise<void> {
    const service = this.services.get(name);
    if (!service) return;
    this.services.delete(name);
    await this.world.stop(service);
  }

  async http(
    method: string,
    path: string,
    options: HttpOptions = {},
    base = this.url,
  ): Promise<HttpReply> {
    const headers: Record<string, string> = { ...options.headers };
    const key = options.key === undefined ? this.adminKey : options.key;
    if (key !== null) headers.authorization = `Bearer ${key}`;
    let body: string | undefined;
    if (options.body !== undefined) {
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${base}${path}`, { method, headers, body });
    const text = await response.text();
    const isJson =
      response.headers.get('content-type')?.includes('application/json') && text.length > 0;
    return {
      status: response.status,
      headers: response.headers,
      body: isJson ? JSON.parse(text) : text,
    };
  }

  /** A key made through the API, as a client would. */
  async makeKey(scopes: string[], locations?: string[], channels?: string[]): Promise<string> {
    const reply = await this.http('POST', '/v1/api-keys', {
      body: {
        name: `test ${scopes.join('+')}`,
        scopes,
        ...(locations ? { locations } : {}),
        ...(channels ? { channels } : {}),
      },
    });
    if (reply.status !== 201)
      throw new Error(`could not make a key: ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body.key;
  }

  /** Straight to the ledger over NATS: how tests check what was (or was not) written. */
  async nats<Req extends TSchema, Rep extends TSchema>(
    contract: RequestContract<Req, Rep>,
    payload: Static<Req>,
  ) {
    return this.world.client.request(contract, payload, { timeout_ms: 10_000 });
  }

  async auditOf(sku: string) {
    const reply = await this.nats(ledger.audit, { sku });
    if (!reply.ok) throw new Error(`audit failed: ${JSON.stringify(reply.error)}`);
    return reply.value.entries;
  }

  async seed(
    skus: string[],
    stock: { location: string; sku: string; qty: number }[] = [],
  ): Promise<void> {
    const ok = async (path: string, body: unknown) => {
      const reply = await this.http('POST', path, { body });
      if (reply.status >= 300)
        throw new Error(`${path}: ${reply.status} ${JSON.stringify(reply.body)}`);
    };
    await ok('/v1/locations', { locations: LOCATIONS });
    await ok('/v1/skus', { skus: skus.map((sku) => ({ sku })) });
    await ok('/v1/channels', {
      channels: [{ code: 'web' }, { code: 'marketplace', capPercent: 50, locations: ['WH-1'] }],
    });
    for (const [index, line] of stock.entries()) {
      await ok('/v1/stock/receipts', {
        id: `seed-${index}`,
        location: line.location,
        lines: [{ sku: line.sku, qty: line.qty }],
      });
    }
  }

  async dispose(): Promise<void> {
    for (const gateway of this.gateways) await gateway.close().catch(() => undefined);
    await this.world.dispose();
  }
}
