import type { RequestContract, Static, TSchema } from '@omnistock/contracts';
import { ServiceRuntime } from '@omnistock/service-kit';
import { Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Caller } from '../auth/api-key.js';
import { GatewayError } from '../http/gateway-error.js';
import { assertWithinChannels, assertWithinLocations } from './confine.js';
import { GATEWAY_SETTINGS, type GatewaySettings } from './gateway-settings.js';
import { readInput } from './route-input.js';
import type { AnyNatsRoute, Lookup, RouteInput, RouteSpec } from './route.js';

/** Runs routes: validated input, the caller's confinement, NATS with a timeout and the request id. */
@Injectable()
export class RouteRunner {
  constructor(
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    @Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings,
  ) {}

  /**
   * HTTP in, one NATS request out. The mapped payload is validated against the contract
   * too (it adds path ids and the actor), so nothing the service would refuse leaves here.
   */
  async forward(route: AnyNatsRoute, request: FastifyRequest): Promise<unknown> {
    const caller = callerOf(request);
    const input = readInput(route, request);
    const mapped = route.toPayload(input, caller);
    const checked = route.contract.request.validate(mapped);
    if (!checked.ok) {
      throw new GatewayError(
        'VALIDATION_FAILED',
        'the request does not make a valid command',
        checked.error.error.details,
      );
    }
    const lookup = this.lookupFor(request);
    let payload = checked.value;
    if (route.channelsOf) assertWithinChannels(caller, route.channelsOf(payload));
    if (caller.locations !== null) {
      const named = await route.locationsOf?.(payload, lookup);
      if ((named === undefined || named.length === 0) && route.narrowTo)
        payload = route.narrowTo(payload, caller.locations);
      else assertWithinLocations(caller, named);
    }
    const reply = await lookup(route.contract, payload);
    return route.respond ? route.respond(reply, input, lookup) : reply;
  }

  /** For routes the gateway answers itself: validated input only. */
  input(route: RouteSpec, request: FastifyRequest): RouteInput {
    return readInput(route, request);
  }

  lookupFor(request: FastifyRequest): Lookup {
    return (contract, payload) =>
      this.call(contract, payload, String(request.id), this.settings.natsTimeoutMs);
  }

  /** A reply, or the service's error envelope thrown as a GatewayError (its code picks the status). */
  private async call<Req extends TSchema, Rep extends TSchema>(
    contract: RequestContract<Req, Rep>,
    payload: Static<Req>,
    requestId: string,
    timeout_ms: number,
  ): Promise<Static<Rep>> {
    const reply = await this.runtime.requester.request(contract, payload, {
      timeout_ms,
      requestId,
    });
    if (!reply.ok) throw GatewayError.fromBody(reply.error);
    return reply.value;
  }
}

/** Set by the auth hook on every route that is not open; its absence here is a bug, not a 401. */
export function callerOf(request: FastifyRequest): Caller {
  const caller = request.caller;
  if (!caller) throw new Error(`route ${request.routeOptions.url} ran without a caller`);
  return caller;
}

declare module 'fastify' {
  interface FastifyRequest {
    caller?: Caller;
  }
}
