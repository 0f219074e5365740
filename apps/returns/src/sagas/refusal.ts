import { DomainError, type ErrorBody } from '@omnistock/contracts';

/** A refusal kept in a saga's state (plain JSON) until the step that answers with it. */
export const refusalOf = (error: DomainError): ErrorBody => error.toEnvelope().error;

export const errorOf = (refusal: ErrorBody): DomainError =>
  new DomainError(refusal.code, refusal.message, refusal.details);

/**
 * Giving up where nothing is left to compensate: the saga answers why. Steps past the point
 * of no return retry without limit, so only data the database refuses brings them here; a
 * later generation picks up whatever such a step left undone.
 */
export const answerWhy = (_ctx: unknown, _step: string, failure: DomainError) => ({
  failed: failure,
});
