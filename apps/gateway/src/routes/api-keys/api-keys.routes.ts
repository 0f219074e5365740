import {
  ChannelScope,
  LIMITS,
  LocationCode,
  Name,
  Timestamp,
  Type,
  strict,
} from '@omnistock/contracts';
import { SCOPES } from '../../auth/scopes.js';
import { route } from '../route.js';

/** HTTP-only shapes (keys never cross NATS), so they live with the gateway rather than in contracts. */
const Scope = Type.Union(SCOPES.map((scope) => Type.Literal(scope)));
const KeyLocations = Type.Array(LocationCode, {
  minItems: 1,
  maxItems: LIMITS.bulk_items_max,
  uniqueItems: true,
});
const KeyId = Type.String({ pattern: '^key_[a-z0-9_]{1,40}$' });

export const NewApiKeyBody = Type.Object(
  {
    name: Name,
    scopes: Type.Array(Scope, { minItems: 1, maxItems: SCOPES.length, uniqueItems: true }),
    locations: Type.Optional(KeyLocations),
    /** The channels the key holds and orders for; it sees nothing of any other channel's. */
    channels: Type.Optional(ChannelScope),
  },
  strict,
);

export const createApiKeyRoute = route({
  method: 'POST',
  path: '/v1/api-keys',
  tag: 'api keys',
  summary:
    'Make a key with scopes and, optionally, bound to locations and to channels. The key is in this reply only; it is stored hashed.',
  scopes: ['admin'],
  status: 201,
  body: NewApiKeyBody,
  reply: Type.Object({
    id: KeyId,
    key: Type.String(),
    name: Name,
    scopes: Type.Array(Scope),
    locations: Type.Union([KeyLocations, Type.Null()]),
    channels: Type.Union([ChannelScope, Type.Null()]),
    createdAt: Timestamp,
  }),
});

export const revokeApiKeyRoute = route({
  method: 'DELETE',
  path: '/v1/api-keys/:id',
  tag: 'api keys',
  summary:
    'Revoke a key at once (on other gateway replicas within 2 s). Revoking twice answers the first time.',
  scopes: ['admin'],
  status: 200,
  params: Type.Object({ id: KeyId }, strict),
  reply: Type.Object({ id: KeyId, revokedAt: Timestamp }),
});
