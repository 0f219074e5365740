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
