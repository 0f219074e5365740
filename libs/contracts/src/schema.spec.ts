import { ledger } from './index.js';
import { asyncApiDocument } from './asyncapi.js';
import { allRequestContracts } from './schema.js';

describe('contracts', () => {
  it('reports every problem with its path', () => {
    const result = ledger.reserve.request.validate({
      id: 'h',
      channel: 'web',
      lines: [{ sku: 'A', location: 'L', qty: 0 }],
      ttlSeconds: 5,
      x: 1,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.error.code).toBe('VALIDATION_FAILED');
    const paths = (result.error.error.details as { problems: { path: string }[] }).problems.map(
      (p) => p.path,
    );
    expect(paths).toEqual(expect.arrayContaining(['/lines/0/qty', '/x']));
  });

  it('accepts a valid payload unchanged', () => {
    const payload = {
      id: 'h',
      channel: 'web',
      lines: [{ sku: 'A', location: 'L', qty: 2 }],
      ttlSeconds: 5,
    };
    expect(ledger.reserve.request.validate(payload)).toEqual({ ok: true, value: payload });
  });

  it('declares every subject once, under omnistock.v1', () => {
    const subjects = allRequestContracts().map((c) => c.subject);
    expect(new Set(subjects).size).toBe(subjects.length);
    for (const subject of subjects) expect(subject).toMatch(/^omnistock\.v1\.[a-z]+\.[a-z-]+$/);
  });

  it('publishes every subject in the AsyncAPI document', () => {
    const document = asyncApiDocument() as { channels: Record<string, { address: string }> };
    const addresses = Object.values(document.channels).map((channel) => channel.address);
    expect(addresses).toContain(ledger.reserve.subject);
    expect(addresses).toContain('omnistock.evt.stock.changed.{location}');
  });
});
