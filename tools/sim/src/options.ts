import { parseArgs } from 'node:util';
import { freshSeed } from './random.js';

export interface SimOptions {
  seed: number;
  /** How long actors drive load (and faults are injected); setup and the check come on top. */
  duration_s: number;
  faults: boolean;
  /** Replicas of each NATS service (the gateway runs one). */
  replicas: number;
  /** Where the run keeps service logs and its report; kept after a failing run. */
  out_dir: string;
}

export const DURATION_S_DEFAULT = 60;
export const DURATION_S_LONG = 30 * 60;
const DURATION_S_MAX = 4 * 3600;
const REPLICAS_MAX = 4;

export const USAGE = `npm run sim -- [--seed N] [--duration-s S] [--faults on|off] [--long] [--replicas N] [--out DIR]
  --seed N        replay the decisions and fault schedule of seed N (0 … 4294967295; random if absent)
  --duration-s S  seconds of load (default ${DURATION_S_DEFAULT}); --long is ${DURATION_S_LONG}
  --faults on|off kill -9 / pause / restart replicas, restart NATS, crash Postgres (default on)
  --replicas N    replicas of each NATS service (default 2, at most ${REPLICAS_MAX})
  --out DIR       where logs and the report go (default sim-runs/<seed>-<time>)`;

/** Flags over defaults; a malformed flag stops the run naming it. */
export function readOptions(argv: string[]): SimOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      seed: { type: 'string' },
      'duration-s': { type: 'string' },
      faults: { type: 'string', default: 'on' },
      long: { type: 'boolean', default: false },
      replicas: { type: 'string', default: '2' },
      out: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) throw new UsageError(USAGE);
  const integer = (name: string, text: string, min: number, max: number) => {
    const value = Number(text);
    if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < min || value > max)
      throw new UsageError(`--${name} must be an integer from ${min} to ${max}\n${USAGE}`);
    return value;
  };
  if (values.faults !== 'on' && values.faults !== 'off')
    throw new UsageError(`--faults must be on or off\n${USAGE}`);
  if (values.long && values['duration-s'] !== undefined)
    throw new UsageError(`--long and --duration-s exclude each other\n${USAGE}`);
  const seed =
    values.seed === undefined ? freshSeed() : integer('seed', values.seed, 0, 2 ** 32 - 1);
  const duration_s = values.long
    ? DURATION_S_LONG
    : integer('duration-s', values['duration-s'] ?? String(DURATION_S_DEFAULT), 5, DURATION_S_MAX);
  return {
    seed,
    duration_s,
    faults: values.faults === 'on',
    replicas: integer('replicas', values.replicas!, 1, REPLICAS_MAX),
    out_dir: values.out ?? `sim-runs/${seed}-${new Date().toISOString().replace(/[:.]/g, '-')}`,
  };
}

export class UsageError extends Error {}
