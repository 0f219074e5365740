import {
  errorEnvelope,
  ERROR_CODES,
  HTTP_STATUS_BY_CODE,
  Type,
  type TSchema,
} from '@omnistock/contracts';
import type { RouteSpec } from '../routes/route.js';

const ErrorEnvelopeSchema = Type.Object({
  error: Type.Object({
    code: Type.Union(ERROR_CODES.map((code) => Type.Literal(code))),
    message: Type.String(),
    details: Type.Optional(Type.Unknown()),
  }),
});

/** TypeBox schemas are JSON Schema already; a JSON round trip drops TypeBox's symbol keys. */
const plain = (schema: TSchema): unknown => JSON.parse(JSON.stringify(schema));

const openApiPath = (path: string) => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

function parameters(route: RouteSpec) {
  const list: unknown[] = [];
  for (const [where, schema] of [
    ['path', route.params],
    ['query', route.query],
  ] as const) {
    const properties =
      (schema as { properties?: Record<string, TSchema> } | undefined)?.properties ?? {};
    const required = new Set((schema as { required?: string[] } | undefined)?.required ?? []);
    for (const [name, property] of Object.entries(properties)) {
      list.push({
        name,
        in: where,
        required: where === 'path' || required.has(name),
        schema: plain(property),
      });
    }
  }
  return list;
}

function errorResponses(route: RouteSpec) {
  const statuses = new Set<number>([400, 429, 503]);
  if (route.scopes !== 'open') for (const status of [401, 403]) statuses.add(status);
  if (route.body) statuses.add(413);
  if (route.tag !== 'operations') for (const status of [404, 409]) statuses.add(status);
  const responses: Record<string, unknown> = {};
  for (const status of [...statuses].sort((a, b) => a - b)) {
    const codes = ERROR_CODES.filter((code) => HTTP_STATUS_BY_CODE[code] === status);
    responses[String(status)] = {
      description: codes.join(', '),
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorEnvelope' } } },
    };
  }
  return responses;
}

/**
 * The OpenAPI 3.1 document, generated from the route table: the very schemas the gateway
 * validates with are the ones documented, so the two cannot disagree.
 */
export function openApiDocument(routes: readonly RouteSpec[], version = '0.1.0') {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const produces = route.produces ?? 'application/json';
    const operation: Record<string, unknown> = {
      operationId: `${route.method.toLowerCase()}${openApiPath(route.path).replace(/[^A-Za-z0-9]+(.)?/g, (_, c?: string) => (c ? c.toUpperCase() : ''))}`,
      summary: route.summary,
      tags: [route.tag],
      parameters: parameters(route),
      security: route.scopes === 'open' ? [] : [{ bearer: [] }],
      'x-scopes': route.scopes === 'open' ? [] : route.scopes,
      responses: {
        [String(route.status)]: {
          description: 'success',
          headers: { 'x-request-id': { $ref: '#/components/headers/RequestId' } },
          content: { [produces]: { schema: plain(route.reply) } },
        },
        ...errorResponses(route),
      },
    };
    if (route.body)
      operation.requestBody = {
        required: true,
        content: { 'application/json': { schema: plain(route.body) } },
      };
    (paths[openApiPath(route.path)] ??= {})[route.method.toLowerCase()] = operation;
  }
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'omnistock HTTP API',
      version,
      description:
        'Send `Authorization: Bearer <key>`; a route lists the key scopes it admits in `x-scopes`. A key bound to locations acts only on requests naming those locations. Bodies are JSON, strict: unknown fields are refused. Every failure is ' +
        JSON.stringify(errorEnvelope('VALIDATION_FAILED', '…', { problems: [] })) +
        ' with a stable `code`; send `x-request-id` to follow a request through every service.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'An API key made by POST /v1/api-keys.',
        },
      },
      schemas: { ErrorEnvelope: plain(ErrorEnvelopeSchema) },
      headers: {
        RequestId: {
          description: 'The request id: yours if you sent a sane x-request-id, else a new one.',
          schema: { type: 'string' },
        },
        RetryAfter: {
          description: 'Seconds until the key may call again (with 429).',
          schema: { type: 'integer' },
        },
      },
    },
  };
}
