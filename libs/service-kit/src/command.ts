import { DomainError, fail, type Result } from '@omnistock/contracts';
import { findPriorCommand, inTransaction, recordCommand } from '@omnistock/database';
import type { DataSource, EntityManager } from 'typeorm';

/** Carries an expected failure out of a transaction so that it rolls back whatever was written. */
class RollbackWith extends Error {
  constructor(readonly failure: Result<never>) {
    super('rollback');
  }
}

/**
 * One command, one transaction, one effect per key: concurrent attempts with the same key
 * queue on an advisory lock, so the second finds the first's reply; the same key with a
 * different payload is IDEMPOTENCY_CONFLICT. A failure rolls back every write.
 */
export async function runIdempotentCommand<T>(
  dataSource: DataSource,
  commandKey: string,
  payload: unknown,
  work: (manager: EntityManager) => Promise<Result<T>>,
): Promise<Result<T>> {
  try {
    return await inTransaction(dataSource, async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [commandKey]);
      const prior = await findPriorCommand(manager, commandKey, payload);
      if (prior.status === 'exists') return { ok: true, value: prior.reply as T };
      if (prior.status === 'exists_with_different_payload') {
        return fail(
          'IDEMPOTENCY_CONFLICT',
          `${commandKey} was used before with a different payload`,
          {
            result: 'exists_with_different_payload',
          },
        );
      }
      const result = await work(manager);
      if (!result.ok) throw new RollbackWith(result);
      await recordCommand(manager, commandKey, payload, result.value);
      return result;
    });
  } catch (error) {
    if (error instanceof RollbackWith) return error.failure;
    throw error;
  }
}

/** A command whose effect is a state transition runs in one transaction and rolls back on failure. */
export async function runCommand<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<Result<T>>,
): Promise<Result<T>> {
  try {
    return await inTransaction(dataSource, async (manager) => {
      const result = await work(manager);
      if (!result.ok) throw new RollbackWith(result);
      return result;
    });
  } catch (error) {
    if (error instanceof RollbackWith) return error.failure;
    throw error;
  }
}

export { DomainError };
