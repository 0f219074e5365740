/** Where "now" comes from: injected, so tests and replays control time. */
export interface Clock {
  nowMs(): number;
}

export const systemClock: Clock = { nowMs: () => Date.now() };

export const CLOCK = Symbol('promise clock');
export const WINDOW_POLICY = Symbol('promise window policy');
