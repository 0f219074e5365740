import { Type, type TProperties } from '@sinclair/typebox';
import { LIMITS } from '../limits.js';
import { Actor, defineRequest, Id, LocationCode, Reason, strict } from '../schema.js';
import { FULFILMENT_STATUSES } from './fulfilment-events.js';
import { FulfilmentView, OrderLine, ROUTING_LIMITS } from './orders.js';

const fulfilmentCommand = <E extends TProperties = Record<never, never>>(
  verb: string,
  summary: string,
  extra?: E,
) =>
  defineRequest({
    subject: `omnistock.v1.routing.fulfilment-${verb}`,
    summary: `${summary} Already in the target status answers the fulfilment as it is (a replay).`,
    request: Type.Object({ id: Id, actor: Actor, ...(extra ?? ({} as E)) }, strict),
    reply: FulfilmentView,
  });

export const acceptFulfilment = fulfilmentCommand(
  'accept',
  'The location takes the fulfilment on: its hold is committed.',
);
export const rejectFulfilment = fulfilmentCommand(
  'reject',
  'The location cannot fulfil: its hold is released, the missing lines raise cycle-count tasks, and the lines are routed elsewhere (or backordered).',
  {
    reason: Reason,
    /** The lines not found on the shelf; all of them when absent. */
    lines: Type.Optional(Type.Array(OrderLine, { minItems: 1, maxItems: LIMITS.lines_max })),
  },
);
export const shipFulfilment = fulfilmentCommand(
  'ship',
  'The parcel left: the hold is fulfilled in the ledger.',
  { tracking: Type.Optional(Type.String({ minLength: 1, maxLength: LIMITS.reason_length_max })) },
);
export const readyFulfilment = fulfilmentCommand(
  'ready',
  'A pickup order is ready at the location.',
);
export const collectFulfilment = fulfilmentCommand(
  'collect',
  'The customer collected: the hold is fulfilled in the ledger.',
);
export const deliverFulfilment = fulfilmentCommand('deliver', 'The carrier delivered the parcel.');

export const getFulfilment = defineRequest({
  subject: 'omnistock.v1.routing.fulfilment-get',
  summary: 'A fulfilment as it stands.',
  request: Type.Object({ id: Id }, strict),
  reply: FulfilmentView,
});

export const listFulfilments = defineRequest({
  subject: 'omnistock.v1.routing.fulfilment-list',
  summary: 'A location`s queue: fulfilments by location and status, oldest first.',
  request: Type.Object(
    {
      location: Type.Optional(LocationCode),
      status: Type.Optional(Type.Union(FULFILMENT_STATUSES.map((s) => Type.Literal(s)))),
      limit: Type.Optional(
        Type.Integer({ minimum: 1, maximum: ROUTING_LIMITS.fulfilments_listed_max }),
      ),
    },
    strict,
  ),
  reply: Type.Object({ fulfilments: Type.Array(FulfilmentView) }),
});
