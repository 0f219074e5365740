import pg from 'pg';
import type { DataSource } from 'typeorm';

/** Any stable number: replicas booting together take turns to migrate. */
const MIGRATION_LOCK_ID = 727_001;

/**
 * Creates the schema, then runs pending migrations under an advisory lock so that two
 * replicas starting at once never run the same migration twice.
 */
export async function prepareDatabase(
  dataSource: DataSource,
  url: string,
  schema: string,
): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      if (!dataSource.isInitialized) await dataSource.initialize();
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]);
    }
  } finally {
    await client.end();
  }
}
