import { LIMITS } from '@omnistock/contracts';
import { ConfigError, loadServiceConfig, type ServiceConfig } from '@omnistock/service-kit';

export interface GatewayConfig {
  service: ServiceConfig;
  port: number;
  host: string;
  /** Bootstraps (or rotates) the first admin key at boot; absent leaves the stored keys as they are. */
  adminKey: string | undefined;
  /** Token bucket per API key and per replica: N replicas admit up to N × this rate. */
  rateLimitPerSecond: number;
  rateLimitBurst: number;
  /** Every NATS call from a route waits at most this long before answering 503. */
  natsTimeoutMs: number;
  /** /health and the dashboard ask each service with this shorter timeout. */
  healthTimeoutMs: number;
}

export const ADMIN_KEY_LENGTH_MIN = 20;
const ADMIN_KEY_LENGTH_MAX = 200;
const PORT_DEFAULT = 3000;
const RATE_PER_S_DEFAULT = 50;
const RATE_BURST_DEFAULT = 100;
const RATE_PER_S_MAX = 100_000;
const HEALTH_TIMEOUT_MS_DEFAULT = 1_000;
const TIMEOUT_MS_MAX = 60_000;

/** Reads the gateway's environment once; every missing or malformed variable is named in one error. */
export function loadGatewayConfig(env: NodeJS.ProcessEnv): GatewayConfig {
  const problems: string[] = [];
  let service: ServiceConfig | undefined;
  try {
    service = loadServiceConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(error.message.replace(/^invalid configuration: /, ''));
  }
  const integer = (name: string, fallback: number, min: number, max: number) => {
    const text = env[name];
    if (text === undefined || text === '') return fallback;
    const value = Number(text);
    if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < min || value > max) {
      problems.push(`${name} must be an integer from ${min} to ${max}`);
      return fallback;
    }
    return value;
  };
  const port = integer('PORT', PORT_DEFAULT, 0, 65_535);
  const host = env.HOST || '0.0.0.0';
  const adminKey = env.OMNISTOCK_ADMIN_KEY || undefined;
  if (
    adminKey !== undefined &&
    !new RegExp(`^[\\x21-\\x7e]{${ADMIN_KEY_LENGTH_MIN},${ADMIN_KEY_LENGTH_MAX}}$`).test(adminKey)
  ) {
    problems.push(
      `OMNISTOCK_ADMIN_KEY must be ${ADMIN_KEY_LENGTH_MIN} to ${ADMIN_KEY_LENGTH_MAX} printable characters without spaces (keys are stored as a fast hash, so they must be long and random)`,
    );
  }
  const rateLimitPerSecond = integer(
    'GATEWAY_RATE_LIMIT_PER_S',
    RATE_PER_S_DEFAULT,
    1,
    RATE_PER_S_MAX,
  );
  const rateLimitBurst = integer('GATEWAY_RATE_LIMIT_BURST', RATE_BURST_DEFAULT, 1, RATE_PER_S_MAX);
  const natsTimeoutMs = integer(
    'GATEWAY_NATS_TIMEOUT_MS',
    LIMITS.nats_request_timeout_ms,
    50,
    TIMEOUT_MS_MAX,
  );
  const healthTimeoutMs = integer(
    'GATEWAY_HEALTH_TIMEOUT_MS',
    HEALTH_TIMEOUT_MS_DEFAULT,
    50,
    TIMEOUT_MS_MAX,
  );
  if (problems.length > 0 || !service)
    throw new ConfigError(`invalid configuration: ${problems.join('; ')}`);
  return {
    service,
    port,
    host,
    adminKey,
    rateLimitPerSecond,
    rateLimitBurst,
    natsTimeoutMs,
    healthTimeoutMs,
  };
}
