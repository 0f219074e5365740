import type { Caller } from '../auth/api-key.js';
import { GatewayError } from '../http/gateway-error.js';
import { assertWithinChannels, assertWithinLocations } from './confine.js';

const caller = (locations: string[] | null, channels: string[] | null = null): Caller => ({
  keyId: 'key_1',
  name: 'k',
  scopes: ['store'],
  locations,
  channels,
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

describe('channel-bound keys', () => {
  it('let an unbound key act for any channel, and make keys for any', () => {
    expect(() => assertWithinChannels(caller(null), ['web', 'app'])).not.toThrow();
    expect(() => assertWithinChannels(caller(null), null)).not.toThrow();
  });

  it('keep a bound key to its channels, and from making a wider key', () => {
    const web = caller(null, ['web']);
    expect(() => assertWithinChannels(web, ['web'])).not.toThrow();
    expect(() => assertWithinChannels(web, ['marketplace'])).toThrow(GatewayError);
    expect(() => assertWithinChannels(web, null)).toThrow(/every channel/);
  });
});
