import { randomBytes } from 'node:crypto';
import { assertNamespace } from '@omnistock/messaging';

export interface ServiceConfig {
  databaseUrl: string;
  natsUrl: string;
  /** Subject and stream prefix; empty in production, unique per test suite. */
  natsNamespace: string;
  instanceId: string;
  logLevel: string;
  databasePoolSize: number;
  /** A NATS user and password (NATS_USER, NATS_PASSWORD), both or neither. */
  natsAuth?: { user: string; pass: string };
  /** Replicas of the event stream: 1 on one server, 3 on a cluster (OMNISTOCK_STREAM_REPLICAS). */
  streamReplicas: number;
}

export class ConfigError extends Error {}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Reads the environment once, at boot; a missing or malformed variable stops the process naming it. */
export function loadServiceConfig(env: NodeJS.ProcessEnv): ServiceConfig {
  const problems: string[] = [];
  const url = (name: string, protocols: string[]) => {
    const value = env[name];
    if (!value) {
      problems.push(`${name} is required`);
      return '';
    }
    try {
      const parsed = new URL(value);
      if (!protocols.includes(parsed.protocol))
        problems.push(`${name} must be a ${protocols.join(' or ')} URL`);
    } catch {
      problems.push(`${name} is not a URL`);
    }
    return value;
  };
  const databaseUrl = url('DATABASE_URL', ['postgres:', 'postgresql:']);
  const natsUrl = url('NATS_URL', ['nats:', 'tls:']);
  const natsNamespace = env.OMNISTOCK_NATS_NAMESPACE ?? '';
  try {
    assertNamespace(natsNamespace);
  } catch (error) {
    problems.push(`OMNISTOCK_NATS_NAMESPACE: ${(error as Error).message}`);
  }
  const logLevel = env.LOG_LEVEL ?? 'info';
  if (!LOG_LEVELS.includes(logLevel))
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  const poolText = env.DATABASE_POOL_SIZE ?? '10';
  const databasePoolSize = Number(poolText);
  if (!Number.isInteger(databasePoolSize) || databasePoolSize < 1 || databasePoolSize > 100) {
    problems.push('DATABASE_POOL_SIZE must be an integer from 1 to 100');
  }
  const natsUser = env.NATS_USER ?? '';
  const natsPassword = env.NATS_PASSWORD ?? '';
  if ((natsUser === '') !== (natsPassword === ''))
    problems.push('NATS_USER and NATS_PASSWORD go together');
  const streamReplicas = Number(env.OMNISTOCK_STREAM_REPLICAS ?? '1');
  if (![1, 3, 5].includes(streamReplicas))
    problems.push('OMNISTOCK_STREAM_REPLICAS must be 1, 3 or 5');
  if (problems.length > 0) throw new ConfigError(`invalid configuration: ${problems.join('; ')}`);
  return {
    databaseUrl,
    natsUrl,
    natsNamespace,
    instanceId: env.OMNISTOCK_INSTANCE_ID || randomBytes(4).toString('hex'),
    logLevel,
    databasePoolSize,
    ...(natsUser ? { natsAuth: { user: natsUser, pass: natsPassword } } : {}),
    streamReplicas,
  };
}
