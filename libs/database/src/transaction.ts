import type { DataSource, EntityManager } from 'typeorm';

const RETRYABLE_SQLSTATES = new Set(['40001', '40P01']);
const TRANSACTION_RETRIES_MAX = 5;

export function isRetryableDatabaseError(error: unknown): boolean {
  const code =
    (error as { code?: string; driverError?: { code?: string } })?.driverError?.code ??
    (error as { code?: string })?.code;
  return code !== undefined && RETRYABLE_SQLSTATES.has(code);
}

/** One command, one transaction; serialization failures and deadlocks are retried, a bounded number of times. */
export async function inTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      // Postgres's default, READ COMMITTED; naming it would cost a SET round trip per transaction.
      return await dataSource.transaction(work);
    } catch (error) {
      if (attempt >= TRANSACTION_RETRIES_MAX || !isRetryableDatabaseError(error)) throw error;
    }
  }
}
