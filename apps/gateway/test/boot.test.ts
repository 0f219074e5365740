import { health, metrics } from '@omnistock/contracts';
import type { RunningHttpService } from '@omnistock/service-kit';
import { TestWorld } from '@omnistock/testing';
import { startGateway } from '../src/gateway.service.js';

/** The gateway alone: it migrates its schema, serves HTTP, and still answers its NATS health and metrics subjects. */
describe('gateway boot', () => {
  let world: TestWorld;
  let gateway: RunningHttpService;
  const adminKey = 'osk_boot_test_admin_key_0123456789';

  beforeAll(async () => {
    world = await TestWorld.create('gateway_boot');
    gateway = await startGateway({
      service: world.config(),
      port: 0,
      host: '127.0.0.1',
      adminKey,
      rateLimitPerSecond: 100,
      rateLimitBurst: 100,
      natsTimeoutMs: 2_000,
      healthTimeoutMs: 300,
    });
  });

  afterAll(async () => {
    await gateway?.close();
    await world?.dispose();
  });

  it('answers its health and metrics subjects over NATS', async () => {
    expect(await world.client.request(health.gateway, {}, { timeout_ms: 5_000 })).toMatchObject({
      ok: true,
      value: { service: 'gateway', status: 'ok' },
    });
    const reply = await world.client.request(metrics.gateway, {}, { timeout_ms: 5_000 });
    expect(reply.ok && reply.value.text).toContain('omnistock_gateway_http_requests_total');
  });

  it('creates its schema with the API key table and stores the bootstrap admin key hashed', async () => {
    const rows = await gateway.runtime.dataSource.query(
      'SELECT id, scopes, key_sha256 FROM api_keys',
    );
    expect(rows).toEqual([
      {
        id: 'key_bootstrap_admin',
        scopes: ['admin'],
        key_sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    ]);
    expect(JSON.stringify(rows)).not.toContain(adminKey);
  });

  it('serves HTTP, and /health names the services that are not running', async () => {
    const response = await fetch(`${gateway.url}/health`);
    expect(response.status).toBe(503);
    const body = (await response.json()) as { problems: string[] };
    expect(body.problems).toHaveLength(4);
    expect(body.problems.join('\n')).not.toContain('gateway');
  });
});
