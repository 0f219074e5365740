import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eventStreamName } from '@omnistock/messaging';
import pg from 'pg';
import type { ActorEnv } from './actors/actor.js';
import { castActors } from './actors/cast.js';
import { Journal } from './actors/journal.js';
import { runChecks } from './check/checker.js';
import { waitForRest } from './check/quiesce.js';
import type { Violation } from './check/violation.js';
import { ALL_LOCATIONS } from './estate.js';
import { injectFaults, type FaultRecord } from './faults/fault-injector.js';
import { readOptions, UsageError, type SimOptions } from './options.js';
import { Random } from './random.js';
import { printReport, replayCommand, writeJournal, writeReport, type RunReport } from './report.js';
import { setUpEstate } from './setup.js';
import { SimWorld } from './world/sim-world.js';

const ROOT = fileURLToPath(new URL('../../../..', import.meta.url));
const started_ms = Date.now();
const say = (line: string) =>
  process.stdout.write(
    `${line ? `[${((Date.now() - started_ms) / 1000).toFixed(1).padStart(6)} s] ` : ''}${line}\n`,
  );

let options: SimOptions;
try {
  options = readOptions(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(2);
}
const outDir = resolve(ROOT, options.out_dir);
say(
  `seed ${options.seed} — ${options.duration_s} s of load, faults ${options.faults ? 'on' : 'off'}, ${options.replicas} replicas of each NATS service`,
);
say(`replay with: ${replayCommand(options)}`);

let world: SimWorld | undefined;
let interrupted = false;
const stopOn = (signal: NodeJS.Signals) => () => {
  if (interrupted) process.exit(130);
  interrupted = true;
  say(`${signal}: stopping everything the simulator started`);
  void (world?.dispose() ?? Promise.resolve()).finally(() => process.exit(130));
};
process.on('SIGINT', stopOn('SIGINT'));
process.on('SIGTERM', stopOn('SIGTERM'));
process.on('exit', () => world?.disposeNow());

const exitCode = await run(options).catch((error) => {
  say(`simulator failed: ${(error as Error).stack ?? error}`);
  return 3;
});
await world?.dispose();
if (exitCode === 0) rmSync(join(outDir, 'logs'), { recursive: true, force: true });
else say(`service logs kept in ${join(outDir, 'logs')}`);
process.exit(exitCode);

async function run(opts: SimOptions): Promise<number> {
  const random = new Random(opts.seed);
  world = new SimWorld({ root: ROOT, replicas: opts.replicas, outDir, say });
  await world.open();
  const keys = await setUpEstate(world.gatewayUrl, world.adminKey);
  const journal = new Journal();
  const env: ActorEnv = {
    journal,
    requester: world.requester,
    gatewayUrl: world.gatewayUrl,
    deadline_ms: Number.POSITIVE_INFINITY,
  };
  const { actors, warehouses } = castActors(random, env, keys);
  await warehouses[0]!.openingStock(ALL_LOCATIONS);

  const load_started_ms = Date.now();
  env.deadline_ms = load_started_ms + opts.duration_s * 1000;
  say(
    `load: ${actors.length} actors (${actors.map((a) => `${a.name} over ${a.transport}`).join(', ')})`,
  );
  const faults: Promise<FaultRecord[]> = opts.faults
    ? injectFaults(world, random.fork('faults'), env.deadline_ms, say)
    : Promise.resolve([]);
  const actorsDone = Promise.all(actors.map((actor) => actor.run()));
  const records = await faults;
  say('faults over: bringing every process back');
  await world.heal();
  await actorsDone;
  const load_s = Math.round((Date.now() - load_started_ms) / 1000);
  say(`load over after ${load_s} s; waiting for the system to come to rest`);

  const connect = async () => {
    const client = new pg.Client({ connectionString: world!.databaseUrl });
    client.on('error', () => undefined);
    await client.connect();
    return client;
  };
  const rest = await waitForRest(connect, world.connection, eventStreamName(''));
  const violations: Violation[] = [];
  if (!rest.settled)
    violations.push({
      check: 'did-not-come-to-rest',
      message: `after ${Math.round(rest.waited_s)} s the system still had work in flight`,
      details: { ...rest.state },
    });
  say(`at rest after ${rest.waited_s.toFixed(1)} s; checking`);
  const db = await connect();
  let result;
  try {
    result = await runChecks({
      db,
      requester: world.requester,
      connection: world.connection,
      journal,
    });
  } finally {
    await db.end();
  }
  violations.push(...result.violations);
  const { violations: _, ...check } = result;
  const byKind: Record<string, number> = {};
  for (const record of records) byKind[record.kind] = (byKind[record.kind] ?? 0) + 1;
  const report: RunReport = {
    seed: opts.seed,
    options: opts,
    replay: replayCommand(opts),
    load_s,
    rest_s: Math.round(rest.waited_s),
    operations: journal.tally(),
    codes: journal.codes(),
    faults: { total: records.length, byKind, records },
    unplannedExits: world.unplannedExits,
    check,
    violations,
  };
  printReport(report, say);
  say(`report: ${writeReport(outDir, report)}`);
  if (violations.length > 0) say(`journal: ${writeJournal(outDir, journal)}`);
  return violations.length === 0 ? 0 : 1;
}
