/**
 * Time as the code sees it: injected wherever waiting or "now" decides an outcome, so a
 * test can move it instead of sleeping.
 */
export interface Clock {
  now(): Date;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => new Date(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
