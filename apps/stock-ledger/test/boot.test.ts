import { checkServiceBoots } from '@omnistock/testing';
import { ledgerService } from '../src/ledger.service.js';

describe('the ledger service', () => {
  it('boots, migrates its own schema and answers health over NATS', async () => {
    const booted = await checkServiceBoots(ledgerService);
    expect(booted.reply).toMatchObject({ ok: true, value: { service: 'ledger', status: 'ok' } });
    expect(booted.migrations).toBeGreaterThan(0);
    expect(booted.tables).toEqual(expect.arrayContaining(['command_log', 'inbox', 'outbox']));
  });
});
