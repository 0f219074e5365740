import { Type } from '@sinclair/typebox';
import { defineEvent, Id, Qty, Sku } from '../schema.js';
import { RETURN_REASONS, ReturnView } from './shared.js';

const returnEvent = (event: string, summary: string) =>
  defineEvent({ subject: `omnistock.evt.return.${event}`, summary, payload: ReturnView });

export const returnAuthorised = returnEvent('authorised', 'A return was authorised.');
export const returnReceived = returnEvent('received', 'Returned units arrived at a location.');
export const returnInspected = returnEvent(
  'inspected',
  'Returned units were graded and disposed of.',
);
export const returnClosed = returnEvent('closed', 'A return is done.');

export const refundDue = defineEvent({
  subject: 'omnistock.evt.refund.due',
  summary:
    'Units came back: the payment system owes a refund for these lines (the amount is its business).',
  payload: Type.Object({
    returnId: Id,
    orderId: Id,
    lines: Type.Array(
      Type.Object({
        sku: Sku,
        qty: Qty,
        reason: Type.Union(RETURN_REASONS.map((r) => Type.Literal(r))),
      }),
    ),
  }),
});

export const exchangeCancelled = defineEvent({
  subject: 'omnistock.evt.exchange.cancelled',
  summary:
    'A held replacement was given back to stock: its return ended (cancelled, expired) or its order could not be placed.',
  payload: Type.Object({ returnId: Id, orderId: Id, holdId: Id }),
});

export const exchangeCreated = defineEvent({
  subject: 'omnistock.evt.exchange.created',
  summary: 'A replacement became an order when its return was received.',
  payload: Type.Object({ returnId: Id, orderId: Id, holdId: Id }),
});
