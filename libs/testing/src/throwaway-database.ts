import { randomBytes } from 'node:crypto';
import { createDatabase, dropDatabase, withDatabase } from '@omnistock/database';
import { TEST_ADMIN_DATABASE_URL } from './environment.js';

export interface ThrowawayDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A database of its own for one suite, dropped when the suite ends. */
export async function createThrowawayDatabase(label: string): Promise<ThrowawayDatabase> {
  const safeLabel = label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .slice(0, 30);
  const name = `omnistock_t_${safeLabel}_${randomBytes(3).toString('hex')}`;
  await createDatabase(TEST_ADMIN_DATABASE_URL, name);
  return {
    name,
    url: withDatabase(TEST_ADMIN_DATABASE_URL, name),
    drop: () => dropDatabase(TEST_ADMIN_DATABASE_URL, name),
  };
}
