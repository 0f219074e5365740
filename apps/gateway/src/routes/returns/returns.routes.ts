import { Type, returns, strict } from '@omnistock/contracts';
import { actorOf } from '../../auth/api-key.js';
import { natsRoute, type Lookup } from '../route.js';

const ReturnPath = Type.Object({ id: returns.ReturnId }, strict);
/** Returns desks, and store tills that take returns at their counter. */
const SCOPES = ['returns_desk', 'store'] as const;

/** A return named by id acts where it was received; before that it names no location. */
const receivedAt = async (payload: { id: string }, lookup: Lookup) => {
  const view = await lookup(returns.getReturn, { id: payload.id });
  return view.location ? [view.location] : undefined;
};

export const createReturnRoute = natsRoute({
  method: 'POST',
  path: '/v1/returns',
  tag: 'returns',
  summary:
    'Authorise a return of units shipped or collected for an order, within its channel`s window; `exchange` holds a replacement. `id` is the idempotency key.',
  scopes: SCOPES,
  status: 201,
  body: Type.Omit(returns.createReturn.request.schema, ['actor']),
  reply: returns.createReturn.reply,
  contract: returns.createReturn,
  toPayload: ({ body }, caller) => ({ ...body, actor: actorOf(caller) }),
});

export const receiveReturnRoute = natsRoute({
  method: 'POST',
  path: '/v1/returns/:id/receive',
  tag: 'returns',
  summary: 'The units arrive at a location that accepts returns (a store key: its own store only).',
  scopes: SCOPES,
  status: 200,
  params: ReturnPath,
  body: Type.Omit(returns.receiveReturn.request.schema, ['id', 'actor']),
  reply: returns.receiveReturn.reply,
  contract: returns.receiveReturn,
  toPayload: ({ params, body }, caller) => ({ id: params.id, ...body, actor: actorOf(caller) }),
  locationsOf: (payload) => [payload.location],
});

export const inspectReturnRoute = natsRoute({
  method: 'POST',
  path: '/v1/returns/:id/inspect',
  tag: 'returns',
  summary:
    'Grade every received unit; each grade`s disposition moves stock, the refund falls due, the return closes. Each unit is disposed of once: after a partial refusal, grading again disposes of the rest.',
  scopes: SCOPES,
  status: 200,
  params: ReturnPath,
  body: Type.Omit(returns.inspectReturn.request.schema, ['id', 'actor']),
  reply: returns.inspectReturn.reply,
  contract: returns.inspectReturn,
  toPayload: ({ params, body }, caller) => ({ id: params.id, ...body, actor: actorOf(caller) }),
  locationsOf: receivedAt,
});

export const getReturnRoute = natsRoute({
  method: 'GET',
  path: '/v1/returns/:id',
  tag: 'returns',
  summary: 'A return with where each unit went.',
  scopes: SCOPES,
  status: 200,
  params: ReturnPath,
  reply: returns.getReturn.reply,
  contract: returns.getReturn,
  toPayload: ({ params }) => ({ id: params.id }),
  locationsOf: receivedAt,
});

/** Listed once in all-routes.ts. */
export const RETURN_ROUTES = [
  createReturnRoute,
  receiveReturnRoute,
  inspectReturnRoute,
  getReturnRoute,
];
