/** The one JetStream stream every event lives on, and its subjects. */
export const EVENT_STREAM = {
  name: 'OMNISTOCK',
  subjects: 'omnistock.evt.>',
  /** JetStream drops a re-published message id inside this window: the outbox relay relies on it. */
  duplicate_window_ms: 10 * 60 * 1000,
} as const;
