import { LIMITS, ledger } from '@omnistock/contracts';
import { CART, LedgerWorld } from './support/ledger-world.js';

describe('bad input gets a typed error and changes nothing', () => {
  let w: LedgerWorld;

  beforeAll(async () => {
    w = await LedgerWorld.create('badinput');
    await w.seedReference(['SKU-X'], [{ code: 'web' }, { code: 'store', locations: ['ST-1'] }]);
    await w.ok(ledger.receiveStock, {
      id: 'bad-rcpt',
      location: 'WH-1',
      lines: [{ sku: 'SKU-X', qty: 5 }],
    });
    await w.ok(ledger.reserve, {
      id: 'bad-held',
      channel: 'web',
      lines: [{ sku: 'SKU-X', location: 'WH-1', qty: 3 }],
      ttlSeconds: 600,
    });
    await w.ok(ledger.reserve, {
      id: 'bad-released',
      channel: 'web',
      lines: [{ sku: 'SKU-X', location: 'WH-1', qty: 1 }],
      ttlSeconds: 600,
    });
    await w.ok(ledger.release, { id: 'bad-released', principal: CART });
  });

  afterAll(() => w.dispose());

  async function snapshot() {
    const [row] = await w.dataSource.query(
      `SELECT (SELECT count(*) FROM ledger.ledger_entries) AS entries,
              (SELECT count(*) FROM ledger.holds) AS holds,
              (SELECT count(*) FROM ledger.command_log) AS commands,
              (SELECT count(*) FROM ledger.outbox) AS events,
              (SELECT count(*) FROM ledger.transfers) AS transfers,
              (SELECT json_agg(p ORDER BY sku, location) FROM ledger.positions p) AS positions`,
    );
    return row;
  }

  const line = (overrides: Record<string, unknown> = {}) => ({
    sku: 'SKU-X',
    location: 'WH-1',
    qty: 1,
    ...overrides,
  });
  const hold = (overrides: Record<string, unknown> = {}) => ({
    id: 'new-hold',
    channel: 'web',
    lines: [line()],
    ttlSeconds: 60,
    ...overrides,
  });

  const rawCases: [string, string, string | Uint8Array, string][] = [
    ['malformed JSON', ledger.reserve.subject, '{"id": "x", ', 'VALIDATION_FAILED'],
    ['a JSON array instead of an object', ledger.reserve.subject, '[1,2,3]', 'VALIDATION_FAILED'],
    [
      'a payload over the size limit',
      ledger.receiveStock.subject,
      JSON.stringify({ id: 'big', pad: 'x'.repeat(LIMITS.payload_bytes_max) }),
      'PAYLOAD_TOO_LARGE',
    ],
  ];

  it.each(rawCases)('%s', async (_label, subject, body, code) => {
    const before = await snapshot();
    const reply = await w.world.client.requestRaw(subject, body);
    expect(reply).toMatchObject({ ok: false, error: { code } });
    expect(await snapshot()).toEqual(before);
  });

  const cases: [string, () => Promise<{ ok: boolean; error?: { code: string } }>, string][] = [
    [
      'a missing field',
      () =>
        w.world.client.requestRaw(
          ledger.reserve.subject,
          JSON.stringify({ channel: 'web', lines: [line()], ttlSeconds: 60 }),
        ),
      'VALIDATION_FAILED',
    ],
    [
      'an unknown field',
      () =>
        w.world.client.requestRaw(
          ledger.reserve.subject,
          JSON.stringify({ ...hold(), coupon: 'FREE' }),
        ),
      'VALIDATION_FAILED',
    ],
    [
      'a quantity of zero',
      () =>
        w.world.client.requestRaw(
          ledger.reserve.subject,
          JSON.stringify(hold({ lines: [line({ qty: 0 })] })),
        ),
      'VALIDATION_FAILED',
    ],
    [
      'a negative quantity',
      () =>
        w.world.client.requestRaw(
          ledger.reserve.subject,
          JSON.stringify(hold({ lines: [line({ qty: -2 })] })),
        ),
      'VALIDATION_FAILED',
    ],
    [
      'a fractional quantity',
      () =>
        w.world.client.requestRaw(
          ledger.reserve.subject,
          JSON.stringify(hold({ lines: [line({ qty: 1.5 })] })),
        ),
      'VALIDATION_FAILED',
    ],
    [
      'a huge quantity',
      () =>
        w.world.client.requestRaw(
          ledger.reserve.subject,
          JSON.stringify(hold({ lines: [line({ qty: 1e12 })] })),
        ),
      'VALIDATION_FAILED',
    ],
    [
      'a quantity as a string',
      () =>
        w.world.client.requestRaw(
          ledger.reserve.subject,
          JSON.stringify(hold({ lines: [line({ qty: '1' })] })),
        ),
      'VALIDATION_FAILED',
    ],
    [
      'a SKU over its length limit',
      () =>
        w.world.client.requestRaw(
          ledger.reserve.subject,
          JSON.stringify(hold({ lines: [line({ sku: 'S'.repeat(LIMITS.code_length_max + 1) })] })),
        ),
      'VALIDATION_FAILED',
    ],
    [
      'an id over its length limit',
      () =>
        w.world.client.requestRaw(
          ledger.reserve.subject,
          JSON.stringify(hold({ id: 'h'.repeat(LIMITS.id_length_max + 1) })),
        ),
      'VALIDATION_FAILED',
    ],
    [
      'too many lines',
      () =>
        w.world.client.requestRaw(
          ledger.reserve.subject,
          JSON.stringify(
            hold({ lines: Array.from({ length: LIMITS.lines_max + 1 }, () => line()) }),
          ),
        ),
      'VALIDATION_FAILED',
    ],
    [
      'a TTL over its limit',
      () =>
        w.world.client.requestRaw(
          ledger.reserve.subject,
          JSON.stringify(hold({ ttlSeconds: LIMITS.hold_ttl_s_max + 1 })),
        ),
      'VALIDATION_FAILED',
    ],
    [
      'an unknown SKU',
      () => w.call(ledger.reserve, hold({ lines: [line({ sku: 'NOPE' })] }) as never),
      'UNKNOWN_SKU',
    ],
    [
      'an unknown location',
      () => w.call(ledger.reserve, hold({ lines: [line({ location: 'NOWHERE' })] }) as never),
      'UNKNOWN_LOCATION',
    ],
    [
      'an unknown channel',
      () => w.call(ledger.reserve, hold({ channel: 'fax' }) as never),
      'UNKNOWN_CHANNEL',
    ],
    [
      'a location the channel does not sell from',
      () => w.call(ledger.reserve, hold({ channel: 'store' }) as never),
      'LOCATION_NOT_ALLOWED',
    ],
    [
      'more than is available',
      () => w.call(ledger.reserve, hold({ lines: [line({ qty: 3 })] }) as never),
      'INSUFFICIENT_STOCK',
    ],
    [
      'a receipt of an unknown SKU',
      () =>
        w.call(ledger.receiveStock, {
          id: 'r-unknown',
          location: 'WH-1',
          lines: [{ sku: 'NOPE', qty: 1 }],
        }),
      'UNKNOWN_SKU',
    ],
    [
      'a receipt replayed with a different payload',
      () =>
        w.call(ledger.receiveStock, {
          id: 'bad-rcpt',
          location: 'WH-1',
          lines: [{ sku: 'SKU-X', qty: 6 }],
        }),
      'IDEMPOTENCY_CONFLICT',
    ],
    [
      'an adjustment that would take held units',
      () =>
        w.call(ledger.adjustStock, {
          id: 'adj-held',
          location: 'WH-1',
          lines: [{ sku: 'SKU-X', delta: -3, reason: 'damaged' }],
        }),
      'INSUFFICIENT_STOCK',
    ],
    [
      'a write-off of more quarantine than there is',
      () =>
        w.call(ledger.writeOff, {
          id: 'wo-q',
          location: 'WH-1',
          bucket: 'quarantine',
          lines: [{ sku: 'SKU-X', qty: 1 }],
          reason: 'x',
        }),
      'INSUFFICIENT_STOCK',
    ],
    [
      'a transfer to the same location',
      () =>
        w.call(ledger.sendTransfer, {
          id: 'tr-same',
          from: 'WH-1',
          to: 'WH-1',
          lines: [{ sku: 'SKU-X', qty: 1 }],
        }),
      'VALIDATION_FAILED',
    ],
    [
      'a transfer of held units',
      () =>
        w.call(ledger.sendTransfer, {
          id: 'tr-held',
          from: 'WH-1',
          to: 'ST-1',
          lines: [{ sku: 'SKU-X', qty: 3 }],
        }),
      'INSUFFICIENT_STOCK',
    ],
    [
      'the arrival of an unknown transfer',
      () => w.call(ledger.receiveTransfer, { id: 'tr-none' }),
      'NOT_FOUND',
    ],
    [
      'a release of an unknown hold',
      () => w.call(ledger.release, { id: 'no-such-hold', principal: CART }),
      'HOLD_NOT_FOUND',
    ],
    [
      'a fulfilment of a released hold',
      () => w.call(ledger.fulfil, { id: 'bad-released', principal: CART }),
      'INVALID_TRANSITION',
    ],
    [
      'a commit of a released hold',
      () => w.call(ledger.commit, { id: 'bad-released', orderId: 'o-1', channel: 'web' }),
      'INVALID_TRANSITION',
    ],
    [
      'an extension of a released hold',
      () => w.call(ledger.extend, { id: 'bad-released', ttlSeconds: 60, principal: CART }),
      'INVALID_TRANSITION',
    ],
    [
      'a move to a location without the stock',
      () => w.call(ledger.moveHold, { id: 'bad-held', from: 'WH-1', to: 'ST-2', principal: CART }),
      'INSUFFICIENT_STOCK',
    ],
    [
      'a move from a location the hold is not at',
      () => w.call(ledger.moveHold, { id: 'bad-held', from: 'ST-2', to: 'ST-1', principal: CART }),
      'NOT_FOUND',
    ],
    [
      'a channel naming an unknown location',
      () => w.call(ledger.upsertChannels, { channels: [{ code: 'app', locations: ['NOWHERE'] }] }),
      'UNKNOWN_LOCATION',
    ],
    [
      'availability of an unknown SKU',
      () => w.call(ledger.availability, { channel: 'web', skus: ['SKU-X', 'NOPE'] }),
      'UNKNOWN_SKU',
    ],
    ['an audit of an unknown SKU', () => w.call(ledger.audit, { sku: 'NOPE' }), 'UNKNOWN_SKU'],
  ];

  it.each(cases)('%s', async (_label, send, code) => {
    const before = await snapshot();
    const reply = await send();
    expect(reply).toMatchObject({ ok: false, error: { code } });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses to update or delete a ledger entry', async () => {
    await expect(
      w.dataSource.query('UPDATE ledger.ledger_entries SET d_on_hand = 100'),
    ).rejects.toThrow(/immutable/);
    await expect(w.dataSource.query('DELETE FROM ledger.ledger_entries')).rejects.toThrow(
      /immutable/,
    );
  });

  it('refuses reserved above on_hand even if code forgot to check (the database constraint)', async () => {
    await expect(
      w.dataSource.query(
        `UPDATE ledger.positions SET reserved = on_hand + 1 WHERE sku = 'SKU-X' AND location = 'WH-1'`,
      ),
    ).rejects.toThrow(/never_oversell/);
  });
});
