import { DomainError, type ErrorBody } from '@omnistock/contracts';

/** A refusal kept in a saga's state (plain JSON) until the step that answers with it. */
export const refusalOf = (error: DomainError): ErrorBody => error.toEnvelope().error;

export const errorOf = (refusal: ErrorBody): DomainError =>
  new DomainError(refusal.code, refusal.message, refusal.details);

/** A dependency stayed down past a step's retries. */
export const unavailable = (reason: string): DomainError =>
  new DomainError('SERVICE_UNAVAILABLE', `${reason}; nothing was kept, try again with the same id`);

/** For steps whose outcome must be finished, so never give up: reaching this is a bug. */
export const neverGivesUp = (_ctx: unknown, step: string, reason: string) => ({
  failed: new DomainError('INTERNAL', `step ${step} gave up, which it must not: ${reason}`),
});
