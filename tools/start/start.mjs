// `npm start`: the whole platform with demo data, from a fresh clone, in one command.
// Plain Node ESM with no dependencies of its own: it runs before node_modules exists, and
// loads the workspace's packages (and its built code in dist/) only once they are there.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bold, dim, elapsed, fail, green, step, yellow } from './console.mjs';
import { NatsMissing, provideNats, withoutCredentials } from './nats.mjs';
import { providePostgres, withoutPassword } from './postgres.mjs';
import { runningChildren } from './processes.mjs';
import { canListen, waitFor } from './probes.mjs';
import {
  recordServices,
  SERVICES,
  startServices,
  stopLeftoverServices,
  stopServices,
  waitUntilHealthy,
} from './services.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const stateDir = join(root, '.omnistock');
const logDir = join(stateDir, 'logs');
const servicesPidFile = join(stateDir, 'services.pid');
const DEFAULT_PORT = 3000;
const health_wait_ms_max = 60_000;
const gateway_http_wait_ms_max = 10_000;
const http_request_timeout_ms = 1_000;
const READY_LINE = 'omnistock is ready';

/** What to undo, in the order things were started; undone last-first. */
const started = [];
let stopping;

process.on('SIGINT', () => stop(0, 'SIGINT'));
process.on('SIGTERM', () => stop(0, 'SIGTERM'));
process.on('SIGHUP', () => stop(0, 'SIGHUP'));
process.on('exit', () => runningChildren().forEach((child) => child.killNow()));

main().catch((error) => {
  if (stopping) return;
  fail(error instanceof NatsMissing ? error.message : `start failed: ${error.message}`);
  stop(1);
});

async function main() {
  const startedAtMs = Date.now();
  mkdirSync(logDir, { recursive: true });
  await installIfNeeded();
  await build();

  const { health } = await importBuilt('libs/contracts/src/index.js');
  const { connectNats, NatsRequester } = await importBuilt('libs/messaging/src/index.js');
  const { loadDemoData } = await importBuilt('tools/seed/load-demo-data.js');

  const leftovers = await stopLeftoverServices(root, servicesPidFile);
  if (leftovers.length > 0)
    step(`stopped services an earlier run left running (pids ${leftovers.join(', ')})`);

  const port = Number(process.env.PORT ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 1 || port > 65_535)
    throw new Error('PORT must be a port number');
  if (!(await canListen(port))) throw new Error(`port ${port} is taken; set PORT to a free port`);

  // NATS first: when there is none, say so before an embedded Postgres was started for nothing.
  const nats = await provideNats({ root, stateDir, logDir });
  remember(nats);
  step(`NATS: ${withoutCredentials(nats.url)} ${dim(`(${nats.source})`)}`);
  const postgres = await providePostgres({ root, stateDir, logDir });
  remember(postgres);
  if (postgres.notice) step(postgres.notice);
  step(`Postgres: ${withoutPassword(postgres.url)} ${dim(`(${postgres.source})`)}`);

  const adminKey = adminKeyInUse();
  const namespace = process.env.OMNISTOCK_NATS_NAMESPACE ?? '';

  const servicesStartedAtMs = Date.now();
  step(`starting ${SERVICES.map(({ name }) => name).join(', ')}`);
  const services = startServices({
    root,
    logDir,
    environment: {
      DATABASE_URL: postgres.url,
      NATS_URL: nats.url,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
    },
    gatewayEnvironment: { PORT: String(port), OMNISTOCK_ADMIN_KEY: adminKey.key },
  });
  for (const child of services) superviseService(child);
  recordServices(services, servicesPidFile);
  started.push({ stop: () => stopServices(services, servicesPidFile) });

  const connection = await connectNats(nats.url, 'omnistock-start');
  started.push({ stop: () => connection.close() });
  const requester = new NatsRequester(connection, namespace);
  await waitUntilHealthy({
    requester,
    health,
    children: services,
    timeout_ms: health_wait_ms_max,
    onHealthy: (name, reply) =>
      step(`${green('✓')} ${name} answers${reply.status === 'ok' ? '' : ` (${reply.status})`}`),
  });
  step(`all ${SERVICES.length} services up ${elapsed(servicesStartedAtMs)}`);
  await warnUnlessGatewayServesHttp(port);

  const seedStartedAtMs = Date.now();
  const demo = await loadDemoData(requester);
  const kept = demo.receiptsKeptFromEarlierData;
  step(
    `demo data loaded ${elapsed(seedStartedAtMs)}${kept ? dim(` (${kept} receipts kept from earlier demo data)`) : ''}`,
  );

  printWhatIsWhere({ port, adminKey, postgres, nats, namespace, services, demo });
  process.stdout.write(`${bold(green(READY_LINE))} ${elapsed(startedAtMs)} — Ctrl-C to stop\n`);
}

/** The URL we print must work; NATS health alone does not prove the HTTP listener is up. */
async function warnUnlessGatewayServesHttp(port) {
  const url = `http://127.0.0.1:${port}/health`;
  const answered = async () => {
    try {
      await fetch(url, { signal: AbortSignal.timeout(http_request_timeout_ms) });
      return true;
    } catch {
      return undefined;
    }
  };
  try {
    await waitFor(answered, { timeout_ms: gateway_http_wait_ms_max, what: `${url} answering` });
  } catch {
    const waited_s = gateway_http_wait_ms_max / 1000;
    step(
      `${yellow('!')} the gateway did not answer ${url} within ${waited_s} s; see .omnistock/logs/gateway.log`,
    );
  }
}

function remember(resource) {
  started.push(resource);
  if (resource.child) {
    resource.child.exited.then(() => {
      if (!resource.child.expectedExit) {
        fail(`${resource.child.name} stopped unexpectedly; see .omnistock/logs`);
        stop(1);
      }
    });
  }
}

function superviseService(child) {
  child.exited.then(({ code, signal, error }) => {
    if (child.expectedExit || stopping) return;
    const how = error ? error.message : signal ? `signal ${signal}` : `exit code ${code}`;
    fail(`${child.name} stopped unexpectedly (${how}); its log: .omnistock/logs/${child.name}.log`);
    stop(1);
  });
}

/** Services first, then the NATS and Postgres they need; a second Ctrl-C does not wait. */
function stop(exitCode, signal) {
  if (stopping) {
    if (signal === 'SIGINT') {
      fail('stopping now, without waiting');
      process.exit(1);
    }
    return stopping;
  }
  if (signal) step(`${signal}: stopping…`);
  stopping = (async () => {
    for (const resource of [...started].reverse()) {
      try {
        await resource.stop();
      } catch (error) {
        fail(`while stopping: ${error.message}`);
      }
    }
    if (signal) step('stopped');
    process.exit(exitCode);
  })();
  return stopping;
}

/** `npm ci` when node_modules is missing or older than the lock file. */
async function installIfNeeded() {
  const installedLock = join(root, 'node_modules/.package-lock.json');
  const lock = join(root, 'package-lock.json');
  const stale =
    !existsSync(installedLock) || statSync(lock).mtimeMs > statSync(installedLock).mtimeMs;
  if (!stale) return;
  const startedAtMs = Date.now();
  step('installing dependencies (npm ci)');
  await run('npm', ['ci'], { stdio: 'inherit' });
  step(`installed ${elapsed(startedAtMs)}`);
}

async function build() {
  const startedAtMs = Date.now();
  await run('npm', ['run', '--silent', 'build'], { stdio: ['ignore', 'pipe', 'pipe'] });
  step(`built dist/ ${elapsed(startedAtMs)}`);
}

/** Runs a command to completion in our process group, so Ctrl-C reaches it too. */
function run(command, args, options) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: root,
      shell: process.platform === 'win32',
      ...options,
    });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) return resolve(output);
      reject(
        new Error(
          `${command} ${args.join(' ')} failed (${signal ?? `exit code ${code}`})\n${output}`,
        ),
      );
    });
  });
}

function importBuilt(path) {
  return import(pathToFileURL(join(root, 'dist', path)).href);
}

/** A generated key is kept, so the one printed yesterday still works after a restart. */
function adminKeyInUse() {
  if (process.env.OMNISTOCK_ADMIN_KEY)
    return { key: process.env.OMNISTOCK_ADMIN_KEY, source: 'from OMNISTOCK_ADMIN_KEY' };
  const file = join(stateDir, 'admin-key');
  if (existsSync(file))
    return {
      key: readFileSync(file, 'utf8').trim(),
      source: 'generated, kept in .omnistock/admin-key',
    };
  const key = `osk_admin_${randomBytes(24).toString('base64url')}`;
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return { key, source: 'generated, kept in .omnistock/admin-key' };
}

function printWhatIsWhere({ port, adminKey, postgres, nats, namespace, services, demo }) {
  const gateway = `http://127.0.0.1:${port}`;
  const rows = [
    ['gateway', `${gateway}   ${dim(`${gateway}/docs · /health · /dashboard`)}`],
    ['admin key', `${adminKey.key}   ${dim(`(${adminKey.source})`)}`],
    ['postgres', `${withoutPassword(postgres.url)}   ${dim(`(${postgres.source})`)}`],
    [
      'nats',
      `${withoutCredentials(nats.url)}${namespace ? ` namespace ${namespace}` : ''}   ${dim(`(${nats.source})`)}`,
    ],
    ['services', services.map((child) => `${child.name} ${dim(`pid ${child.pid}`)}`).join(', ')],
    [
      'demo data',
      `${demo.locations} locations, ${demo.skus} SKUs, channels ${demo.channels.join(', ')}`,
    ],
    ['logs', `.omnistock/logs/<service>.log   ${dim('(warnings and errors also show here)')}`],
  ];
  process.stdout.write('\n');
  for (const [label, value] of rows) process.stdout.write(`  ${bold(label.padEnd(10))} ${value}\n`);
  process.stdout.write('\n');
}
