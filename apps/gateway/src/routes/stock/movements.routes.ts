import { Id, Type, ledger, strict } from '@omnistock/contracts';
import { actorOf } from '../../auth/api-key.js';
import { natsRoute } from '../route.js';

const SCOPES = ['warehouse', 'admin'] as const;

/** Each body is its contract's payload without `actor` (the key is the actor); `id` is the idempotency key. */
export const receiptRoute = natsRoute({
  method: 'POST',
  path: '/v1/stock/receipts',
  tag: 'stock',
  summary: 'Goods in from a supplier: on_hand grows by each line.',
  scopes: SCOPES,
  status: 201,
  body: Type.Omit(ledger.receiveStock.request.schema, ['actor']),
  reply: ledger.receiveStock.reply,
  contract: ledger.receiveStock,
  toPayload: ({ body }, caller) => ({ ...body, actor: actorOf(caller) }),
  locationsOf: (payload) => [payload.location],
});

export const adjustmentRoute = natsRoute({
  method: 'POST',
  path: '/v1/stock/adjustments',
  tag: 'stock',
  summary: 'Signed corrections of on_hand with a reason each; never below what is held.',
  scopes: SCOPES,
  status: 201,
  body: Type.Omit(ledger.adjustStock.request.schema, ['actor']),
  reply: ledger.adjustStock.reply,
  contract: ledger.adjustStock,
  toPayload: ({ body }, caller) => ({ ...body, actor: actorOf(caller) }),
  locationsOf: (payload) => [payload.location],
});

export const countRoute = natsRoute({
  method: 'POST',
  path: '/v1/stock/counts',
  tag: 'stock',
  summary:
    'A cycle count: the difference is posted; holds the count can no longer cover are released and named.',
  scopes: SCOPES,
  status: 201,
  body: Type.Omit(ledger.countStock.request.schema, ['actor']),
  reply: ledger.countStock.reply,
  contract: ledger.countStock,
  toPayload: ({ body }, caller) => ({ ...body, actor: actorOf(caller) }),
  locationsOf: (payload) => [payload.location],
});

/** Both ends are named, so a location-bound key must hold both (a regional WMS moving stock between its sites). */
export const sendTransferRoute = natsRoute({
  method: 'POST',
  path: '/v1/stock/transfers',
  tag: 'stock',
  summary: 'Send stock between locations: on_hand leaves `from` and waits in_transit at `to`.',
  scopes: SCOPES,
  status: 201,
  body: Type.Omit(ledger.sendTransfer.request.schema, ['actor']),
  reply: ledger.sendTransfer.reply,
  contract: ledger.sendTransfer,
  toPayload: ({ body }, caller) => ({ ...body, actor: actorOf(caller) }),
  locationsOf: (payload) => [payload.from, payload.to],
});

/**
 * Names only the transfer id and the ledger has no verb to look a transfer up, so a
 * location-bound key is refused here (fail closed) until it has one.
 */
export const receiveTransferRoute = natsRoute({
  method: 'POST',
  path: '/v1/stock/transfers/:id/receive',
  tag: 'stock',
  summary:
    'The transfer arrives: in_transit becomes on_hand at its destination. A replay changes nothing.',
  scopes: SCOPES,
  status: 200,
  params: Type.Object({ id: Id }, strict),
  reply: ledger.receiveTransfer.reply,
  contract: ledger.receiveTransfer,
  toPayload: ({ params }, caller) => ({ id: params.id, actor: actorOf(caller) }),
});
