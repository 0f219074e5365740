import { Journal, type JournalEntry } from '../actors/journal.js';
import { checkConservation } from './conservation.js';
import { checkEvents, type Outboxes } from './event-checks.js';
import { checkLedger } from './ledger-checks.js';
import type { EntryRow, HoldRow, LedgerSnapshot } from './ledger-snapshot.js';
import { checkReturns, returnMovements } from './returns-checks.js';
import { checkRouting, routingExplainer } from './routing-checks.js';
import type { RoutingSnapshot } from './routing-snapshot.js';
import type { StreamMessage } from './stream-reader.js';

/**
 * The checker is only worth something if it can say no: a small world that keeps every
 * promise passes, and each way of breaking one is named.
 */
const command = (kind: string, id: string, payload: unknown, extra: Partial<JournalEntry> = {}) =>
  ({
    actor: 'tester',
    actorKind: 'test',
    kind,
    id,
    transport: 'nats',
    payload,
    outcome: 'ok',
    attempts: 1,
    sent_ms: 0,
    answered_ms: 0,
    ...extra,
  }) as JournalEntry;

const entry = (
  command_id: string,
  location: string,
  d: Partial<Pick<EntryRow, 'd_on_hand' | 'd_reserved' | 'd_quarantine' | 'd_in_transit'>>,
  on_hand: number,
  seq: number,
  reason: string | null = null,
): EntryRow => ({
  command_id,
  sku: 'A',
  location,
  kind: command_id.split(':')[0]!,
  d_on_hand: d.d_on_hand ?? 0,
  d_reserved: d.d_reserved ?? 0,
  d_quarantine: d.d_quarantine ?? 0,
  d_in_transit: d.d_in_transit ?? 0,
  on_hand,
  seq,
  reason,
  reference: null,
});

const hold = (id: string, status: string, order_id: string | null = null): HoldRow => ({
  id,
  channel: 'web',
  status,
  expires_at: null,
  order_id,
  seq: 2,
  lines: [{ sku: 'A', location: 'W', qty: 2 }],
  overdue_s: null,
});

/** 10 received at W, a cart of 2 released, an order of 2 shipped. */
function world() {
  const journal = new Journal();
  journal.record(
    command('receipt', 'r1', { id: 'r1', location: 'W', lines: [{ sku: 'A', qty: 10 }] }),
  );
  journal.record(
    command(
      'reserve',
      'c1',
      { id: 'c1', lines: [{ sku: 'A', location: 'W', qty: 2 }] },
      {
        reply: { lines: [{ sku: 'A', location: 'W', qty: 2 }] },
      },
    ),
  );
  journal.record(command('release', 'c1', { id: 'c1' }));
  journal.record(command('order', 'o1', { id: 'o1' }));
  journal.record(command('ship', 'o1:1:W', {}));
  const ledger: LedgerSnapshot = {
    entries: [
      entry('receipt:r1', 'W', { d_on_hand: 10 }, 10, 1),
      entry('hold:c1', 'W', { d_reserved: 2 }, 10, 2),
      entry('released:c1', 'W', { d_reserved: -2 }, 10, 3),
      entry('hold:o1:1:W', 'W', { d_reserved: 2 }, 10, 4),
      entry('fulfilled:o1:1:W', 'W', { d_reserved: -2, d_on_hand: -2 }, 8, 5),
    ],
    holds: new Map([
      ['c1', hold('c1', 'released')],
      ['o1:1:W', hold('o1:1:W', 'fulfilled', 'o1')],
    ]),
    positions: [
      { sku: 'A', location: 'W', on_hand: 8, reserved: 0, quarantine: 0, in_transit: 0, seq: 5 },
    ],
    transfers: new Map(),
  };
  const fulfilment = {
    id: 'o1:1:W',
    order_id: 'o1',
    location: 'W',
    status: 'shipped',
    lines: [{ sku: 'A', qty: 2 }],
    hold_id: 'o1:1:W',
    ship_to: null,
  };
  const routing: RoutingSnapshot = {
    orders: new Map([
      [
        'o1',
        {
          id: 'o1',
          channel: 'web',
          lines: [{ sku: 'A', qty: 2 }],
          reservation_id: null,
          cancelled: false,
        },
      ],
    ]),
    fulfilments: new Map([[fulfilment.id, fulfilment]]),
    byHold: new Map([[fulfilment.hold_id, [fulfilment]]]),
  };
  const messages: StreamMessage[] = [
    {
      seq: 1,
      subject: 'omnistock.evt.hold.released',
      messageId: 'hold:c1:2',
      payload: { id: 'c1' },
    },
    {
      seq: 2,
      subject: 'omnistock.evt.hold.fulfilled',
      messageId: 'hold:o1:1:W:2',
      payload: { id: 'o1:1:W' },
    },
    { seq: 3, subject: 'omnistock.evt.stock.changed.W', messageId: 'stock:A:W:5', payload: {} },
  ];
  const outboxes: Outboxes = {
    schemas: ['ledger'],
    rows: messages.map((m) => ({
      schema: 'ledger',
      message_id: m.messageId!,
      subject: m.subject,
      published: true,
    })),
  };
  return { journal, ledger, routing, messages, outboxes };
}

function violationsOf(w: ReturnType<typeof world>): string[] {
  const byRouting = routingExplainer(w.journal, w.ledger, w.routing);
  const byReturns = returnMovements(w.journal, w.ledger);
  const explainer = {
    explains: (id: string, entries: EntryRow[]) =>
      byRouting.explains(id, entries) || byReturns.explainer.explains(id, entries),
  };
  return [
    ...checkLedger(w.journal, w.ledger, explainer),
    ...checkConservation(w.journal, w.ledger, byReturns.movements).violations,
    ...checkReturns(w.journal, w.ledger, new Map([['R1', { id: 'R1', status: 'closed' }]])),
    ...checkRouting(w.journal, w.ledger, w.routing).violations,
    ...checkEvents(w.outboxes, w.messages, w.ledger).violations,
  ].map((v) => v.check);
}

describe('the simulator checker', () => {
  it('passes a world that kept every promise, with books that balance', () => {
    const w = world();
    expect(violationsOf(w)).toEqual([]);
    const [books] = checkConservation(w.journal, w.ledger).books;
    expect(books).toMatchObject({ receipts: 10, shipped: 2, expected: 8, onHand: 8 });
  });

  it('names an acknowledged receipt the ledger does not have', () => {
    const w = world();
    w.journal.record(
      command('receipt', 'r2', { id: 'r2', location: 'W', lines: [{ sku: 'A', qty: 1 }] }),
    );
    expect(violationsOf(w)).toContain('acknowledged-lost');
  });

  it('names a receipt posted with other units, and the books that no longer balance', () => {
    const w = world();
    w.ledger.entries[0] = entry('receipt:r1', 'W', { d_on_hand: 11 }, 11, 1);
    w.ledger.positions[0]!.on_hand = 9;
    expect(violationsOf(w)).toEqual(
      expect.arrayContaining(['moved-other-units', 'units-not-conserved']),
    );
  });

  it('names a ledger command nobody sent', () => {
    const w = world();
    w.ledger.entries.push(entry('adjustment:ghost', 'W', { d_on_hand: 1 }, 9, 6));
    expect(violationsOf(w)).toContain('unexplained-entry');
  });

  it('names a hold given back twice', () => {
    const w = world();
    w.ledger.entries.push(entry('released:c1', 'W', { d_reserved: -2 }, 8, 6));
    expect(violationsOf(w)).toContain('settled-wrongly');
  });

  it('names a cart hold held long past its expiry', () => {
    const w = world();
    w.ledger.holds.set('c1', { ...hold('c1', 'held'), overdue_s: 60 });
    expect(violationsOf(w)).toContain('hold-outlived-expiry');
  });

  it('names a hold an order owns that no fulfilment needs, and a shipment whose hold is still held', () => {
    const w = world();
    w.ledger.holds.set('o1:1:W', hold('o1:1:W', 'committed', 'o1'));
    expect(violationsOf(w)).toEqual(
      expect.arrayContaining(['unowned-hold', 'fulfilment-without-its-units']),
    );
  });

  it('names an acknowledged fulfilment step that did not stick', () => {
    const w = world();
    w.routing.fulfilments.get('o1:1:W')!.status = 'accepted';
    expect(violationsOf(w)).toContain('acknowledged-lost');
  });

  it('names a returned unit that came back into stock twice', () => {
    const w = world();
    w.journal.record(command('return', 'R1', { id: 'R1', orderId: 'o1' }));
    w.journal.record(command('receive_return', 'R1', { lines: [{ sku: 'A', qty: 1 }] }));
    w.journal.record(
      command('inspect', 'R1', { lines: [{ sku: 'A', qty: 1, grade: 'resellable' }] }),
    );
    const back = (command_id: string, d: Partial<EntryRow>, seq: number): EntryRow => ({
      ...entry(command_id, 'W', d, 9, seq),
      reference: 'return:R1',
    });
    w.ledger.entries.push(back('return_restock:x1', { d_on_hand: 1 }, 6));
    w.ledger.positions[0] = { ...w.ledger.positions[0]!, on_hand: 9, seq: 6 };
    w.messages.push({
      seq: 4,
      subject: 'omnistock.evt.stock.changed.W',
      messageId: 'stock:A:W:6',
      payload: {},
    });
    expect(violationsOf(w)).toEqual([]);
    w.ledger.entries.push(back('quarantine_in:x2', { d_quarantine: 1 }, 7));
    w.ledger.positions[0] = { ...w.ledger.positions[0]!, quarantine: 1, seq: 7 };
    w.messages.push({
      seq: 5,
      subject: 'omnistock.evt.stock.changed.W',
      messageId: 'stock:A:W:7',
      payload: {},
    });
    expect(violationsOf(w)).toEqual(['returned-twice']);
  });

  it('names an event missing from the stream and one that is there twice', () => {
    const lost = world();
    lost.messages.splice(2, 1);
    expect(violationsOf(lost)).toContain('event-lost');
    const twice = world();
    twice.messages.push({ ...twice.messages[0]!, seq: 4 });
    expect(violationsOf(twice)).toContain('event-duplicated');
  });
});
