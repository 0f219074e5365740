import type { Caller } from '../auth/api-key.js';
import { GatewayError } from '../http/gateway-error.js';

/**
 * A key bound to locations acts only on requests that name its locations, all of them
 * inside its set. A request naming none (global reference data, a hold looked up by id
 * that has no lines) is refused for such a key: fail closed.
 */
export function assertWithinLocations(caller: Caller, named: readonly string[] | undefined): void {
  if (caller.locations === null) return;
  if (named === undefined || named.length === 0) {
    throw new GatewayError(
      'FORBIDDEN',
      'this key is bound to locations and the request names none of them',
      {
        keyLocations: caller.locations,
      },
    );
  }
  const allowed = new Set(caller.locations);
  const outside = [...new Set(named.filter((location) => !allowed.has(location)))];
  if (outside.length > 0) {
    throw new GatewayError('FORBIDDEN', `this key may not act at ${outside.join(', ')}`, {
      locations: outside,
      keyLocations: caller.locations,
    });
  }
}

/**
 * A key bound to channels acts only for them: it cannot hold or order for another, nor make
 * a key wider than itself (null, every channel, is wider than any list).
 */
export function assertWithinChannels(caller: Caller, named: readonly string[] | null): void {
  if (caller.channels === null) return;
  const allowed = new Set(caller.channels);
  const outside = named === null ? ['(every channel)'] : named.filter((c) => !allowed.has(c));
  if (outside.length > 0)
    throw new GatewayError('FORBIDDEN', `this key may not act for ${outside.join(', ')}`, {
      channels: outside,
      keyChannels: caller.channels,
    });
}
