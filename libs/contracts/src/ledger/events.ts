import { Type } from '@sinclair/typebox';
import { defineEvent, Id } from '../schema.js';
import { HoldView, PositionView } from './shared.js';

export const stockChanged = defineEvent({
  subject: 'omnistock.evt.stock.changed',
  summary: 'A position`s balances after a movement; the last token is the location.',
  perLocation: true,
  payload: Type.Object({ kind: Type.String(), commandId: Type.String(), position: PositionView }),
});

const holdEvent = (event: string, summary: string) =>
  defineEvent({ subject: `omnistock.evt.hold.${event}`, summary, payload: HoldView });

export const holdCreated = holdEvent('created', 'A hold was placed.');
export const holdReleased = holdEvent('released', 'A hold was given back to stock.');
export const holdExpired = holdEvent('expired', 'A cart hold ran out of time and was given back.');
export const holdCommitted = holdEvent(
  'committed',
  'A hold now belongs to an order and no longer expires.',
);
export const holdFulfilled = holdEvent('fulfilled', 'The held units left (shipped or collected).');
export const holdMoved = holdEvent('moved', 'A hold moved some lines to another location.');

/**
 * The ledger itself released an order's hold (a count found the units missing): the
 * owning order must route those lines again. Cart holds lost this way are only released.
 */
export const holdLost = defineEvent({
  subject: 'omnistock.evt.hold.lost',
  summary:
    'An order`s hold was released by the ledger (a count shortfall); routing re-routes the fulfilment behind it.',
  payload: Type.Object({ hold: HoldView, cause: Type.Literal('count_shortfall'), countId: Id }),
});
