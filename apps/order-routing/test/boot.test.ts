import { checkServiceBoots } from '@omnistock/testing';
import { routingService } from '../src/routing.service.js';

describe('the routing service', () => {
  it('boots, migrates its own schema and answers health over NATS', async () => {
    const booted = await checkServiceBoots(routingService);
    expect(booted.reply).toMatchObject({ ok: true, value: { service: 'routing', status: 'ok' } });
    expect(booted.migrations).toBeGreaterThan(0);
    expect(booted.tables).toEqual(expect.arrayContaining(['command_log', 'inbox', 'outbox']));
  });
});
