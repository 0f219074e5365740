import { ConfigError } from '@omnistock/service-kit';
import { loadGatewayConfig } from './config.js';

describe('gateway configuration', () => {
  const valid = {
    DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/x',
    NATS_URL: 'nats://127.0.0.1:4222',
  };

  it('defaults PORT to 3000 and reads the rest', () => {
    const config = loadGatewayConfig({
      ...valid,
      OMNISTOCK_ADMIN_KEY: 'osk_admin_0123456789abcdefghij',
      GATEWAY_RATE_LIMIT_PER_S: '5',
    });
    expect(config).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      rateLimitPerSecond: 5,
      rateLimitBurst: 100,
      natsTimeoutMs: 5000,
    });
    expect(config.service.databaseUrl).toBe(valid.DATABASE_URL);
    expect(loadGatewayConfig({ ...valid, PORT: '8080' }).port).toBe(8080);
    expect(loadGatewayConfig(valid).adminKey).toBeUndefined();
  });

  it('names every bad variable, its own and the service kit`s, in one error', () => {
    const bad = {
      NATS_URL: 'nats://x',
      PORT: '70000',
      OMNISTOCK_ADMIN_KEY: 'short',
      GATEWAY_NATS_TIMEOUT_MS: '1.5',
    };
    expect(() => loadGatewayConfig(bad)).toThrow(ConfigError);
    try {
      loadGatewayConfig(bad);
    } catch (error) {
      for (const name of ['DATABASE_URL', 'PORT', 'OMNISTOCK_ADMIN_KEY', 'GATEWAY_NATS_TIMEOUT_MS'])
        expect((error as Error).message).toContain(name);
    }
  });
});
