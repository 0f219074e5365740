import { canonicalJson, payloadHash } from './canonical-json.js';

describe('canonical JSON', () => {
  it('does not care about key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}',
    );
    expect(payloadHash({ a: 1, b: 2 })).toBe(payloadHash({ b: 2, a: 1 }));
  });

  it('tells different payloads apart, and ignores undefined fields as JSON does', () => {
    expect(payloadHash({ a: 1 })).not.toBe(payloadHash({ a: 2 }));
    expect(payloadHash({ a: 1, b: undefined })).toBe(payloadHash({ a: 1 }));
    expect(payloadHash([1, 2])).not.toBe(payloadHash([2, 1]));
  });
});
