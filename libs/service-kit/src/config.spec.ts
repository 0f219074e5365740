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

describe('NATS credentials and stream replicas', () => {
  const valid = {
    DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/x',
    NATS_URL: 'nats://127.0.0.1:4222',
  };

  it('takes a user and password together, and one stream replica by default', () => {
    expect(
      loadServiceConfig({ ...valid, NATS_USER: 'ledger', NATS_PASSWORD: 's3cret' }),
    ).toMatchObject({
      natsAuth: { user: 'ledger', pass: 's3cret' },
      streamReplicas: 1,
    });
    expect(loadServiceConfig(valid).natsAuth).toBeUndefined();
    expect(loadServiceConfig({ ...valid, OMNISTOCK_STREAM_REPLICAS: '3' }).streamReplicas).toBe(3);
  });

  it('refuses half a credential and an even replica count', () => {
    expect(() => loadServiceConfig({ ...valid, NATS_USER: 'ledger' })).toThrow(
      /NATS_USER and NATS_PASSWORD/,
    );
    expect(() => loadServiceConfig({ ...valid, OMNISTOCK_STREAM_REPLICAS: '2' })).toThrow(
      /OMNISTOCK_STREAM_REPLICAS/,
    );
  });
});
