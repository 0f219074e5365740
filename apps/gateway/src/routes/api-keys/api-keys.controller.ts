import { ledger } from '@omnistock/contracts';
import { Controller, Inject, Req } from '@nestjs/common';
import type { Static } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { actorOf } from '../../auth/api-key.js';
import { ApiKeyStore } from '../../auth/api-key.store.js';
import type { Scope } from '../../auth/scopes.js';
import { GatewayError } from '../../http/gateway-error.js';
import { assertWithinChannels, assertWithinLocations } from '../confine.js';
import { Route } from '../route.js';
import { callerOf, RouteRunner } from '../route-runner.js';
import { createApiKeyRoute, NewApiKeyBody, revokeApiKeyRoute } from './api-keys.routes.js';

@Controller()
export class ApiKeysController {
  constructor(
    @Inject(RouteRunner) private readonly routes: RouteRunner,
    @Inject(ApiKeyStore) private readonly keys: ApiKeyStore,
  ) {}

  /**
   * A key bound to locations can only make keys bound inside its own. Locations must
   * exist (asked of the ledger), so a typo does not make a key that can act nowhere.
   */
  @Route(createApiKeyRoute)
  async create(@Req() request: FastifyRequest) {
    const caller = callerOf(request);
    const body = this.routes.input(createApiKeyRoute, request).body as Static<typeof NewApiKeyBody>;
    assertWithinLocations(caller, body.locations);
    assertWithinChannels(caller, body.channels ?? null);
    if (body.locations) {
      const { locations } = await this.routes.lookupFor(request)(ledger.listLocations, {
        codes: body.locations,
      });
      const known = new Set(locations.map((location) => location.code));
      const unknown = body.locations.filter((code) => !known.has(code));
      if (unknown.length > 0)
        throw new GatewayError('UNKNOWN_LOCATION', `unknown locations: ${unknown.join(', ')}`, {
          locations: unknown,
        });
    }
    return this.keys.create({
      name: body.name,
      scopes: body.scopes as Scope[],
      locations: body.locations,
      channels: body.channels,
      createdBy: actorOf(caller),
    });
  }

  @Route(revokeApiKeyRoute)
  async revoke(@Req() request: FastifyRequest) {
    const caller = callerOf(request);
    const { id } = this.routes.input(revokeApiKeyRoute, request).params as { id: string };
    if (caller.locations !== null) {
      const target = await this.keys.find(id);
      if (!target) throw new GatewayError('NOT_FOUND', `no API key ${id}`);
      assertWithinLocations(caller, target.locations ?? undefined);
    }
    const revoked = await this.keys.revoke(id);
    if (!revoked) throw new GatewayError('NOT_FOUND', `no API key ${id}`);
    return revoked;
  }
}
