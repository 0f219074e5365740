import { greatCircleKm } from './great-circle.js';

describe('greatCircleKm', () => {
  it('is zero from a point to itself', () => {
    expect(greatCircleKm({ lat: 51.5, lon: -0.1 }, { lat: 51.5, lon: -0.1 })).toBe(0);
  });

  it('measures London to Manchester as about 262 km', () => {
    const km = greatCircleKm({ lat: 51.5074, lon: -0.1278 }, { lat: 53.4808, lon: -2.2426 });
    expect(km).toBeGreaterThan(255);
    expect(km).toBeLessThan(270);
  });

  it('is symmetric and handles the antimeridian', () => {
    const a = { lat: 0, lon: 179.5 };
    const b = { lat: 0, lon: -179.5 };
    expect(greatCircleKm(a, b)).toBeCloseTo(greatCircleKm(b, a), 9);
    expect(greatCircleKm(a, b)).toBeLessThan(112);
  });
});
