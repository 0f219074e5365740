import { Type } from '@omnistock/contracts';
import { route } from '../routes/route.js';

export const openApiRoute = route({
  method: 'GET',
  path: '/docs',
  tag: 'documentation',
  summary: 'This OpenAPI 3.1 document, generated from the schemas the gateway validates with.',
  scopes: 'open',
  status: 200,
  reply: Type.Object({ openapi: Type.Literal('3.1.0') }, { additionalProperties: true }),
});

export const asyncApiRoute = route({
  method: 'GET',
  path: '/docs/asyncapi',
  tag: 'documentation',
  summary: 'The AsyncAPI 3 document of every NATS subject and event, from libs/contracts.',
  scopes: 'open',
  status: 200,
  reply: Type.Object({ asyncapi: Type.String() }, { additionalProperties: true }),
});
