import { defineEvent } from '../schema.js';
import { FulfilmentEventPayload } from './fulfilment-events.js';
import { OrderView } from './orders.js';

const orderEvent = (event: string, summary: string) =>
  defineEvent({ subject: `omnistock.evt.order.${event}`, summary, payload: OrderView });

export const orderCreated = orderEvent('created', 'An order was placed.');
export const orderRouted = orderEvent(
  'routed',
  'An order (or its rejected lines) was given to locations.',
);
export const orderBackordered = orderEvent(
  'backordered',
  'Lines of an order could not be placed anywhere; they wait for stock.',
);
export const orderLinesCancelled = orderEvent(
  'lines-cancelled',
  'Lines of an order could not be placed anywhere and its channel cancels such lines (rule `unfillable: cancel`); they are in `cancelledLines`.',
);
export const orderCancelled = orderEvent('cancelled', 'An order was cancelled.');

/** Cancellation of a fulfilment (its order was cancelled); the location stops picking. */
export const fulfilmentCancelled = defineEvent({
  subject: 'omnistock.evt.fulfilment.cancelled',
  summary:
    'The fulfilment was cancelled with its order. The last token is the fulfilling location.',
  perLocation: true,
  payload: FulfilmentEventPayload,
});
