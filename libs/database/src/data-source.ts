import pg from 'pg';
import { DataSource, type MixedList, type EntitySchema } from 'typeorm';

// Counts and sequences are bigint; every one we read stays far below 2^53, so a number is exact.
pg.types.setTypeParser(pg.types.builtins.INT8, (text: string) => Number(text));

export interface ServiceDataSourceOptions {
  url: string;
  /** The service's own schema; raw SQL runs with it as search_path so no query names it. */
  schema: string;
  entities: MixedList<string | Function | EntitySchema>;
  migrations: MixedList<string | Function>;
  poolSize: number;
  applicationName: string;
}

const SCHEMA_PATTERN = /^[a-z][a-z0-9_]{0,62}$/;

export function createServiceDataSource(options: ServiceDataSourceOptions): DataSource {
  if (!SCHEMA_PATTERN.test(options.schema))
    throw new Error(`invalid schema name: ${options.schema}`);
  return new DataSource({
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsRun: false,
    synchronize: false,
    // Failures reach our own logs with context through serveRequest; TypeORM's console lines would be noise.
    logging: false,
    applicationName: options.applicationName,
    extra: {
      max: options.poolSize,
      options: `-c search_path=${options.schema}`,
      // A query that waits this long on a lock is a bug or an outage, not load.
      statement_timeout: 30_000,
      connectionTimeoutMillis: 5_000,
    },
  });
}
