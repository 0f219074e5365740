import { channelSellsFrom, sellableToChannel, type ChannelPolicy } from './channel-policy.js';

const policy = (overrides: Partial<ChannelPolicy> = {}): ChannelPolicy => ({
  code: 'web',
  locations: null,
  safetyStock: 0,
  capPercent: 100,
  ...overrides,
});
const position = (onHand: number, reserved: number) => ({
  onHand,
  reserved,
  quarantine: 0,
  inTransit: 0,
});

describe('channel policy', () => {
  it('sells what is on hand and not held', () => {
    expect(sellableToChannel(position(10, 3), policy())).toBe(7);
  });

  it('keeps safety stock back', () => {
    expect(sellableToChannel(position(10, 3), policy({ safetyStock: 5 }))).toBe(2);
    expect(sellableToChannel(position(10, 8), policy({ safetyStock: 5 }))).toBe(0);
  });

  it('caps a channel to a share of what is available, rounding down', () => {
    expect(sellableToChannel(position(7, 0), policy({ capPercent: 50 }))).toBe(3);
    expect(sellableToChannel(position(1, 0), policy({ capPercent: 50 }))).toBe(0);
  });

  it('sells from every location unless it names some', () => {
    expect(channelSellsFrom(policy(), 'ANY')).toBe(true);
    expect(channelSellsFrom(policy({ locations: ['ST-1'] }), 'ST-1')).toBe(true);
    expect(channelSellsFrom(policy({ locations: ['ST-1'] }), 'WH-1')).toBe(false);
  });
});
