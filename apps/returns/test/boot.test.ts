import { checkServiceBoots } from '@omnistock/testing';
import { returnsService } from '../src/returns.service.js';

describe('the returns service', () => {
  it('boots, migrates its own schema and answers health over NATS', async () => {
    const booted = await checkServiceBoots(returnsService);
    expect(booted.reply).toMatchObject({ ok: true, value: { service: 'returns', status: 'ok' } });
    expect(booted.migrations).toBeGreaterThan(0);
    expect(booted.tables).toEqual(expect.arrayContaining(['command_log', 'inbox', 'outbox']));
  });
});
