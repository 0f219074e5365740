import type { promise } from '@omnistock/contracts';

export type FulfilmentEventKind = 'delivered' | 'ready' | 'collected';

/** Kept means the shopper had it by the end of the window; early is kept, but counted apart. */
export const KEPT_OUTCOMES: readonly promise.PromiseOutcome[] = ['early', 'on_time'];

export function classifyArrival(
  atMs: number,
  fromMs: number,
  toMs: number,
): promise.PromiseOutcome {
  if (atMs < fromMs) return 'early';
  if (atMs <= toMs) return 'on_time';
  return 'late';
}

/**
 * Which event measures which promise: a delivery measures a ship window; "ready" measures
 * a pickup window. A collection measures it only when it proves the order was ready in
 * time: a shopper collecting days later says nothing about the store.
 */
export function outcomeOf(
  event: FulfilmentEventKind,
  method: 'ship' | 'pickup',
  atMs: number,
  window: { fromMs: number; toMs: number },
): promise.PromiseOutcome | undefined {
  if (method === 'ship') {
    return event === 'delivered' ? classifyArrival(atMs, window.fromMs, window.toMs) : undefined;
  }
  if (event === 'ready') return classifyArrival(atMs, window.fromMs, window.toMs);
  if (event === 'collected' && atMs <= window.toMs)
    return classifyArrival(atMs, window.fromMs, window.toMs);
  return undefined;
}
