import { Type } from '@sinclair/typebox';
import { defineRequest, Id, strict, Timestamp } from '../schema.js';
import { QuoteLines, QuoteOption } from './quote.js';
import { PROMISE_OUTCOMES } from './shared.js';

export const PromiseView = Type.Composite([
  QuoteOption,
  Type.Object({
    channel: Type.String(),
    lines: QuoteLines,
    quotedAt: Timestamp,
    /** What the quote saw: stock per location, calendar and carrier versions, distance. */
    inputs: Type.Unknown(),
    outcome: Type.Union([
      Type.Object({
        outcome: Type.Union(PROMISE_OUTCOMES.map((outcome) => Type.Literal(outcome))),
        event: Type.String(),
        at: Timestamp,
      }),
      Type.Null(),
    ]),
  }),
]);

export const getPromise = defineRequest({
  subject: 'omnistock.v1.promise.get',
  summary: 'A quoted promise with the inputs it was computed from and, once known, its outcome.',
  request: Type.Object({ promiseId: Id }, strict),
  reply: PromiseView,
});
