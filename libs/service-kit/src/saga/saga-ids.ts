import { createHash } from 'node:crypto';

/** Ids other services accept are at most this long (LIMITS.id_length_max) and plain ASCII. */
const STEP_ID_LENGTH_MAX = 128;

/**
 * The id of one step's effect elsewhere: derived from the saga, its generation and the
 * step's name, so it is the same on every retry and after any crash (the other side
 * answers a repeat as a replay), and new for a saga started over (so a new generation
 * never meets the replies of compensated effects). Hashed when it would be too long.
 */
export function sagaStepId(sagaId: string, generation: number, name: string): string {
  const readable = `${sagaId}:g${generation}:${name}`.replace(/[^A-Za-z0-9._:-]/g, '-');
  if (readable.length <= STEP_ID_LENGTH_MAX) return readable;
  const digest = createHash('sha256').update(`${sagaId}\u0000${generation}`).digest('hex');
  return `saga-${digest.slice(0, 24)}:g${generation}:${name}`.slice(0, STEP_ID_LENGTH_MAX);
}
