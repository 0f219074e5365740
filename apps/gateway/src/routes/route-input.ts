import { Type, Validator, strict, type TSchema } from '@omnistock/contracts';
import { Value } from '@sinclair/typebox/value';
import type { FastifyRequest } from 'fastify';
import { GatewayError } from '../http/gateway-error.js';
import type { RouteInput, RouteSpec } from './route.js';

const NOTHING = Type.Object({}, strict);
const validators = new WeakMap<TSchema, Validator<TSchema>>();

function check(where: 'path' | 'query' | 'body', schema: TSchema, value: unknown): unknown {
  let validator = validators.get(schema);
  if (!validator) validators.set(schema, (validator = new Validator(schema)));
  const result = validator.validate(value);
  if (result.ok) return result.value;
  throw new GatewayError('VALIDATION_FAILED', `the request ${where} does not match the API`, {
    in: where,
    ...(result.error.error.details as object),
  });
}

/**
 * Reads and validates the path, query and body against the route's schemas, strictly:
 * unknown fields and query parameters are refused. Path and query arrive as text, so
 * numbers there are converted first; a body must already carry the right JSON types.
 */
export function readInput(spec: RouteSpec, request: FastifyRequest): RouteInput {
  const params = spec.params ?? NOTHING;
  const query = spec.query ?? NOTHING;
  return {
    params: check('path', params, Value.Convert(params, { ...(request.params as object) })),
    query: check('query', query, Value.Convert(query, { ...(request.query as object) })),
    body: check(
      'body',
      spec.body ?? NOTHING,
      request.body === undefined && !spec.body ? {} : request.body,
    ),
  };
}
