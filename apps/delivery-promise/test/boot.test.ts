import { checkServiceBoots } from '@omnistock/testing';
import { promiseService } from '../src/promise.service.js';

describe('the promise service', () => {
  it('boots, migrates its own schema and answers health over NATS', async () => {
    const booted = await checkServiceBoots(promiseService);
    expect(booted.reply).toMatchObject({ ok: true, value: { service: 'promise', status: 'ok' } });
    expect(booted.migrations).toBeGreaterThan(0);
    expect(booted.tables).toEqual(expect.arrayContaining(['command_log', 'inbox', 'outbox']));
  });
});
