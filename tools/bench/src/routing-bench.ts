import { spawnSync } from 'node:child_process';

/**
 * Routing an order of 20 lines over 500 locations, target under 10 ms of service time.
 * The measurement runs in-process inside the routing app's own code (tools may not import
 * apps, so it is a child process here); this prints its figures and the ratio to target.
 */
const SCRIPT = 'dist/apps/order-routing/src/bench/routing-bench.main.js';
const TIMEOUT_MS = 120_000;

const run = spawnSync(process.execPath, [SCRIPT], { encoding: 'utf8', timeout: TIMEOUT_MS });
if (run.status !== 0) {
  process.stderr.write(`routing bench failed: ${run.stderr || run.error?.message}\n`);
  process.exit(1);
}
const result = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as {
  locations: number;
  lines: number;
  routes: number;
  mean_ms: number;
  p99_ms: number;
  target_ms: number;
  ratio_to_target: number;
  split_share: number;
};
const fixed = (value: number) => value.toFixed(3);
process.stdout.write(
  [
    `routing: ${result.lines} lines over ${result.locations} locations, ${result.routes} routes (${Math.round(result.split_share * 100)} % split)`,
    `  ms per route: mean ${fixed(result.mean_ms)}, p99 ${fixed(result.p99_ms)}`,
    `  p99 / ${result.target_ms} ms target: ${fixed(result.ratio_to_target)} (${result.ratio_to_target < 1 ? 'within' : 'OVER'} target)`,
    '',
  ].join('\n'),
);
if (result.ratio_to_target >= 1) process.exitCode = 1;
