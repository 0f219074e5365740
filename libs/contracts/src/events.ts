/** The one JetStream stream every event lives on, and its subjects. */
export const EVENT_STREAM = {
  name: 'OMNISTOCK',
  subjects: 'omnistock.evt.>',
  /** JetStream drops a re-published message id inside this window: the outbox relay relies on it. */
  duplicate_window_ms: 10 * 60 * 1000,
} as const;

/**
 * Where a consumer puts an event it could not apply after its last allowed delivery, one
 * subject per consumer: nothing is dropped silently, and an operator can read, fix and
 * replay what landed here.
 */
export const DEAD_LETTER_STREAM = {
  name: 'OMNISTOCK_DEAD_LETTERS',
  subjects: 'omnistock.dead.>',
  subjectFor: (consumer: string) => `omnistock.dead.${consumer}`,
} as const;
