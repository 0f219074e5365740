import { parseArgs } from 'node:util';

export interface BenchOptions {
  concurrency: number;
  availability_concurrency: number;
  duration_s: number;
  flash_sale_s_min: number;
  replicas: number;
  scenarios: Set<string>;
  json_out: string;
  admin_database_url: string;
  nats_url: string;
}

export const SCENARIOS = ['flash', 'spread', 'availability'] as const;

/** Flags override defaults sized for a two-core machine; every run ends by itself. */
export function readOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      concurrency: { type: 'string', default: '64' },
      'availability-concurrency': { type: 'string', default: '8' },
      'duration-s': { type: 'string', default: '8' },
      'flash-sale-s-min': { type: 'string', default: '10' },
      replicas: { type: 'string', default: '1' },
      scenarios: { type: 'string', default: SCENARIOS.join(',') },
      'json-out': { type: 'string', default: `bench-results/bench-${Date.now()}.json` },
    },
  });
  const integer = (name: string, text: string, min: number, max: number) => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < min || value > max)
      throw new Error(`--${name} must be an integer from ${min} to ${max}`);
    return value;
  };
  const scenarios = new Set(values.scenarios!.split(',').filter(Boolean));
  for (const scenario of scenarios) {
    if (!(SCENARIOS as readonly string[]).includes(scenario))
      throw new Error(`unknown scenario ${scenario}; one of ${SCENARIOS.join(', ')}`);
  }
  return {
    concurrency: integer('concurrency', values.concurrency!, 1, 1024),
    availability_concurrency: integer(
      'availability-concurrency',
      values['availability-concurrency']!,
      1,
      256,
    ),
    duration_s: integer('duration-s', values['duration-s']!, 1, 60),
    flash_sale_s_min: integer('flash-sale-s-min', values['flash-sale-s-min']!, 1, 60),
    replicas: integer('replicas', values.replicas!, 1, 8),
    scenarios,
    json_out: values['json-out']!,
    admin_database_url: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    nats_url: process.env.NATS_URL ?? 'nats://127.0.0.1:4222',
  };
}
