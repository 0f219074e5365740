import { Writable } from 'node:stream';
import { createLogger } from './logger.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, stream };
}

describe('the service logger', () => {
  it('never writes a key, password or database URL', () => {
    const { lines, stream } = capture();
    const logger = createLogger('ledger', 'a', 'info', stream);
    logger.info(
      {
        headers: { authorization: 'Bearer osk_secret_key' },
        caller: { key: 'osk_secret_key', apiKey: 'osk_other' },
        config: {
          databaseUrl: 'postgres://u:p4ss@db/x',
          natsAuth: { user: 'ledger', pass: 'n4ts' },
        },
        user: { password: 'hunter2', pass: 'n4ts' },
      },
      'hello',
    );
    const line = lines.join('');
    expect(line).toContain('"msg":"hello"');
    for (const secret of ['osk_secret_key', 'osk_other', 'p4ss', 'n4ts', 'hunter2'])
      expect(line).not.toContain(secret);
    expect(line).toContain('[redacted]');
  });

  it('tags every line with its service and instance', () => {
    const { lines, stream } = capture();
    createLogger('gateway', 'b', 'info', stream).warn('careful');
    expect(JSON.parse(lines[0]!)).toMatchObject({
      service: 'gateway',
      instance: 'b',
      msg: 'careful',
      level: 40,
    });
  });
});
