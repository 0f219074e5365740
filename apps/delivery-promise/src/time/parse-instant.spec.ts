import { parseInstant } from './parse-instant.js';

describe('parseInstant', () => {
  it.each([
    ['2026-03-23T12:46:00Z', Date.UTC(2026, 2, 23, 12, 46)],
    ['2026-03-23T12:46:00.250Z', Date.UTC(2026, 2, 23, 12, 46, 0, 250)],
    ['2026-06-01T09:00:00+05:30', Date.UTC(2026, 5, 1, 3, 30)],
    ['2028-02-29T00:00:00Z', Date.UTC(2028, 1, 29)],
  ])('%s is an instant', (text, expected) => {
    expect(parseInstant(text)).toBe(expected);
  });

  it.each([
    '2026-02-31T10:00:00Z',
    '2026-02-29T00:00:00Z',
    '2026-13-01T00:00:00Z',
    '2026-03-23T24:00:00Z',
    'yesterday',
  ])('%s is refused', (text) => {
    expect(parseInstant(text)).toBeUndefined();
  });
});
