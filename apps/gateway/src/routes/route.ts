import type { RequestContract, Static, TSchema } from '@omnistock/contracts';
import { applyDecorators, Header, HttpCode, RequestMapping, RequestMethod } from '@nestjs/common';
import type { Caller } from '../auth/api-key.js';
import type { Scope } from '../auth/scopes.js';

export type HttpMethod = 'GET' | 'POST' | 'DELETE';

/**
 * One HTTP route as data: where it lives, who may call it, what it reads and answers.
 * The auth hook, the validation, the OpenAPI document and the Nest controller all read
 * the same object, so none of them can drift from the others.
 */
export interface RouteSpec {
  method: HttpMethod;
  /** Nest/Fastify pattern, e.g. /v1/reservations/:id. */
  path: string;
  tag: string;
  summary: string;
  /** The scopes admitted (any one suffices), or 'open' for no key at all. */
  scopes: readonly Scope[] | 'open';
  /** The status of a success. */
  status: number;
  params?: TSchema;
  query?: TSchema;
  /** Absent: the route takes no body (an empty one, or `{}`, at most). */
  body?: TSchema;
  reply: TSchema;
  produces?:
    'application/json' | 'text/plain; version=0.0.4; charset=utf-8' | 'text/html; charset=utf-8';
}

export interface RouteInput<P = unknown, Q = unknown, B = unknown> {
  params: P;
  query: Q;
  body: B;
}

/** A NATS call made on behalf of the current HTTP request (same request id, same timeout). */
export type Lookup = <Req extends TSchema, Rep extends TSchema>(
  contract: RequestContract<Req, Rep>,
  payload: Static<Req>,
) => Promise<Static<Rep>>;

/** A route that is one NATS request: the HTTP input is mapped to the contract's payload in one place. */
export interface NatsRouteSpec<
  Req extends TSchema,
  Rep extends TSchema,
  P extends TSchema,
  Q extends TSchema,
  B extends TSchema,
> extends RouteSpec {
  params?: P;
  query?: Q;
  body?: B;
  contract: RequestContract<Req, Rep>;
  toPayload(input: RouteInput<Static<P>, Static<Q>, Static<B>>, caller: Caller): Static<Req>;
  /**
   * The locations the payload acts on, for keys bound to locations; undefined when it
   * names none, which such keys may not send (unless `narrowTo` applies).
   */
  locationsOf?(
    payload: Static<Req>,
    lookup: Lookup,
  ): string[] | undefined | Promise<string[] | undefined>;
  /** The channels the payload acts for, for keys bound to channels (403 outside them). */
  channelsOf?(payload: Static<Req>): string[];
  /** For a payload naming no location: confine it to the key's locations rather than refuse it. */
  narrowTo?(payload: Static<Req>, locations: readonly string[]): Static<Req>;
  /** Shapes the service's reply for HTTP; the reply as it is when absent. */
  respond?(
    reply: Static<Rep>,
    input: RouteInput<Static<P>, Static<Q>, Static<B>>,
    lookup: Lookup,
  ): unknown;
}

export type AnyNatsRoute = NatsRouteSpec<TSchema, TSchema, TSchema, TSchema, TSchema>;

export function natsRoute<
  Req extends TSchema,
  Rep extends TSchema,
  P extends TSchema = TSchema,
  Q extends TSchema = TSchema,
  B extends TSchema = TSchema,
>(spec: NatsRouteSpec<Req, Rep, P, Q, B>): AnyNatsRoute {
  return spec as unknown as AnyNatsRoute;
}

export function route(spec: RouteSpec): RouteSpec {
  return spec;
}

/** Binds a controller method to its spec: path, method and success status come from the spec only. */
export function Route(spec: RouteSpec): MethodDecorator {
  const decorators = [
    RequestMapping({ path: spec.path, method: RequestMethod[spec.method] }),
    HttpCode(spec.status),
  ];
  if (spec.produces && spec.produces !== 'application/json')
    decorators.push(Header('content-type', spec.produces));
  return applyDecorators(...decorators);
}

/** "A,B , C" → ["A", "B", "C"]; empty items are dropped so the contract's minItems can speak. */
export function splitList(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}
