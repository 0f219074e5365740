import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import { errorEnvelope, type ErrorEnvelope } from './errors.js';
import { LIMITS } from './limits.js';

export type Validation<T> = { ok: true; value: T } | { ok: false; error: ErrorEnvelope };

const VALIDATION_ERRORS_REPORTED_MAX = 20;

/** A schema compiled once into a validator; compilation is lazy so importing contracts stays cheap. */
export class Validator<S extends TSchema> {
  private compiled: TypeCheck<S> | undefined;

  constructor(readonly schema: S) {}

  validate(value: unknown): Validation<Static<S>> {
    this.compiled ??= TypeCompiler.Compile(this.schema);
    if (this.compiled.Check(value)) return { ok: true, value };
    const problems: { path: string; message: string }[] = [];
    for (const problem of this.compiled.Errors(value)) {
      problems.push({ path: problem.path || '/', message: problem.message });
      if (problems.length >= VALIDATION_ERRORS_REPORTED_MAX) break;
    }
    return {
      ok: false,
      error: errorEnvelope('VALIDATION_FAILED', 'payload does not match the contract', {
        problems,
      }),
    };
  }
}

/** A request-reply subject with its payload schemas. The subject string lives only here. */
export interface RequestContract<Req extends TSchema, Rep extends TSchema> {
  readonly subject: string;
  readonly summary: string;
  readonly request: Validator<Req>;
  readonly reply: Rep;
}

export type RequestOf<C> = C extends RequestContract<infer R, TSchema> ? Static<R> : never;
export type ReplyOf<C> = C extends RequestContract<TSchema, infer R> ? Static<R> : never;

const registeredRequests: RequestContract<TSchema, TSchema>[] = [];
const registeredEvents: EventContract<TSchema>[] = [];

export function defineRequest<Req extends TSchema, Rep extends TSchema>(spec: {
  subject: string;
  summary: string;
  request: Req;
  reply: Rep;
}): RequestContract<Req, Rep> {
  const contract = { ...spec, request: new Validator(spec.request) };
  registeredRequests.push(contract as unknown as RequestContract<TSchema, TSchema>);
  return contract;
}

/** A JetStream event; `perLocation` events carry the location as the last subject token. */
export interface EventContract<P extends TSchema> {
  readonly subject: string;
  readonly summary: string;
  readonly perLocation: boolean;
  readonly payload: Validator<P>;
  subjectFor(location?: string): string;
}

export type PayloadOf<C> = C extends EventContract<infer P> ? Static<P> : never;

export function defineEvent<P extends TSchema>(spec: {
  subject: string;
  summary: string;
  payload: P;
  perLocation?: boolean;
}): EventContract<P> {
  const perLocation = spec.perLocation ?? false;
  const contract: EventContract<P> = {
    subject: spec.subject,
    summary: spec.summary,
    perLocation,
    payload: new Validator(spec.payload),
    subjectFor(location?: string) {
      if (!perLocation) return spec.subject;
      if (!location) throw new Error(`event ${spec.subject} needs a location`);
      return `${spec.subject}.${location}`;
    },
  };
  registeredEvents.push(contract as unknown as EventContract<TSchema>);
  return contract;
}

export function allRequestContracts(): readonly RequestContract<TSchema, TSchema>[] {
  return registeredRequests;
}

export function allEventContracts(): readonly EventContract<TSchema>[] {
  return registeredEvents;
}

// Building blocks shared by every service's payloads.
export const Code = Type.String({
  pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$',
  minLength: 1,
  maxLength: LIMITS.code_length_max,
});
export const Sku = Code;
export const LocationCode = Code;
export const ChannelCode = Code;
export const Id = Type.String({
  pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]*$',
  minLength: 1,
  maxLength: LIMITS.id_length_max,
});
export const Name = Type.String({ minLength: 1, maxLength: LIMITS.name_length_max });
export const Reason = Type.String({ minLength: 1, maxLength: LIMITS.reason_length_max });
export const Qty = Type.Integer({ minimum: 1, maximum: LIMITS.qty_max });
export const SignedQty = Type.Integer({ minimum: -LIMITS.qty_max, maximum: LIMITS.qty_max });
export const Count = Type.Integer({ minimum: 0, maximum: LIMITS.qty_max });
/** One bucket of one position: bounded by a named limit, far below 32-bit overflow. */
export const Balance = Type.Integer({ minimum: 0, maximum: LIMITS.position_units_max });
/** A sum of balances (over locations, over SKUs): past 2^31, so always 64-bit in SQL. */
export const UnitTotal = Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER });
export const Actor = Type.Optional(
  Type.String({ minLength: 1, maxLength: LIMITS.code_length_max }),
);
/** The channels an API key is bound to: a caller so narrowed sees nothing of any other channel. */
export const ChannelScope = Type.Array(ChannelCode, {
  minItems: 1,
  maxItems: LIMITS.principal_channels_max,
});
export const Timestamp = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,6})?(Z|[+-]\\d{2}:\\d{2})$',
  maxLength: 40,
});
export const strict = { additionalProperties: false } as const;

export { Type };
export type { Static, TSchema };
