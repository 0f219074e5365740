import { Type } from '@sinclair/typebox';
import { defineRequest } from '../schema.js';

/** The baseline of every benchmark: a responder that answers with what it was sent. */
export const benchEcho = defineRequest({
  subject: 'omnistock.v1.bench.echo',
  summary:
    'Benchmark baseline only: replies with the request body unchanged. No service answers it in production.',
  request: Type.Unknown(),
  reply: Type.Unknown(),
});
