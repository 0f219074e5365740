import { ConfigError, loadServiceConfig } from './config.js';

describe('service configuration', () => {
  const valid = {
    DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/x',
    NATS_URL: 'nats://127.0.0.1:4222',
  };

  it('reads a valid environment', () => {
    expect(
      loadServiceConfig({ ...valid, DATABASE_POOL_SIZE: '4', OMNISTOCK_INSTANCE_ID: 'a' }),
    ).toMatchObject({
      databasePoolSize: 4,
      instanceId: 'a',
      natsNamespace: '',
      logLevel: 'info',
    });
  });

  it('names every missing or malformed variable at once', () => {
    expect(() =>
      loadServiceConfig({ NATS_URL: 'http://x', DATABASE_POOL_SIZE: 'lots', LOG_LEVEL: 'loud' }),
    ).toThrow(ConfigError);
    try {
      loadServiceConfig({ NATS_URL: 'http://x', DATABASE_POOL_SIZE: 'lots', LOG_LEVEL: 'loud' });
    } catch (error) {
      const message = (error as Error).message;
      for (const name of ['DATABASE_URL', 'NATS_URL', 'DATABASE_POOL_SIZE', 'LOG_LEVEL'])
        expect(message).toContain(name);
    }
  });
});
