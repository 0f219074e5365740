import type { Caller } from '../auth/api-key.js';
import { GatewayError } from '../http/gateway-error.js';
import { assertWithinLocations } from './confine.js';

const caller = (locations: string[] | null): Caller => ({
  keyId: 'key_1',
  name: 'k',
  scopes: ['store'],
  locations,
});

describe('location-bound keys', () => {
  it('let an unbound key act anywhere, even naming nothing', () => {
    expect(() => assertWithinLocations(caller(null), undefined)).not.toThrow();
    expect(() => assertWithinLocations(caller(null), ['ANY'])).not.toThrow();
  });

  it('let a bound key act only when every named location is its own', () => {
    expect(() => assertWithinLocations(caller(['A', 'B']), ['A', 'B', 'A'])).not.toThrow();
    expect(() => assertWithinLocations(caller(['A']), ['A', 'C', 'C'])).toThrow(
      expect.objectContaining({
        code: 'FORBIDDEN',
        details: expect.objectContaining({ locations: ['C'] }),
      }),
    );
  });

  it('refuse a bound key a request that names no location (fail closed)', () => {
    for (const named of [undefined, []]) {
      expect(() => assertWithinLocations(caller(['A']), named)).toThrow(GatewayError);
    }
  });
});
