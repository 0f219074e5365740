import { createWriteStream, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dim, prefixed, red, yellow } from './console.mjs';
import { Child, stopPid } from './processes.mjs';
import { commandLine, isAlive, sleep } from './probes.mjs';

/** `name` is the service's own name, as in the health contracts of @omnistock/contracts. */
export const SERVICES = [
  { dir: 'stock-ledger', name: 'ledger' },
  { dir: 'gateway', name: 'gateway' },
  { dir: 'order-routing', name: 'routing' },
  { dir: 'delivery-promise', name: 'promise' },
  { dir: 'returns', name: 'returns' },
];

const health_request_timeout_ms = 1_000;
const health_retry_ms = 250;
const service_stop_ms_max = 10_000;
const PINO_WARN_LEVEL = 40;
const PINO_LEVEL_NAMES = { 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
/** Only these keys reach a user's gateway; the other services have no use for them. */
const GATEWAY_ONLY_VARIABLES = ['PORT', 'OMNISTOCK_ADMIN_KEY'];

/**
 * Every line of a service goes to its log file; the console gets warnings, errors and
 * anything that is not a log line (a crash's stack trace), prefixed with the service name.
 */
export function startServices({ root, logDir, environment, gatewayEnvironment }) {
  const shared = { ...process.env, ...environment };
  for (const name of GATEWAY_ONLY_VARIABLES) delete shared[name];
  return SERVICES.map(({ dir, name }, index) => {
    const env = name === 'gateway' ? { ...shared, ...gatewayEnvironment } : shared;
    const child = new Child(name, process.execPath, [join(root, 'dist/apps', dir, 'src/main.js')], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const logFile = createWriteStream(join(logDir, `${name}.log`), { flags: 'w' });
    const show = prefixed(name, index);
    child.onLine((line) => {
      logFile.write(`${line}\n`);
      const shown = consoleLine(line);
      if (shown !== undefined) show(shown);
    });
    child.exited.then(() => logFile.end());
    return child;
  });
}

export async function stopServices(children, pidFile) {
  await Promise.all(children.map((child) => child.stop('SIGTERM', service_stop_ms_max)));
  rmSync(pidFile, { force: true });
}

export function recordServices(children, pidFile) {
  writeFileSync(pidFile, `${children.map((child) => child.pid).join('\n')}\n`);
}

/**
 * Services of a run that was killed outright keep running (they have their own process
 * group) and would answer in our place or hold the gateway's port: stop them first. A pid
 * counts only if it still runs one of our service entry points, never someone else's process.
 */
export async function stopLeftoverServices(root, pidFile) {
  if (!existsSync(pidFile)) return [];
  const entryPoints = SERVICES.map(({ dir }) => join(root, 'dist/apps', dir, 'src/main.js'));
  const leftovers = readFileSync(pidFile, 'utf8')
    .split('\n')
    .map(Number)
    .filter((pid) => Number.isInteger(pid) && pid > 0 && isAlive(pid))
    .filter((pid) => entryPoints.some((entryPoint) => commandLine(pid).includes(entryPoint)));
  await Promise.all(leftovers.map((pid) => stopPid(pid, 'SIGTERM', service_stop_ms_max)));
  rmSync(pidFile, { force: true });
  return leftovers;
}

/**
 * Asks each service's health subject until all have answered. Resolves with the replies;
 * rejects naming the services that did not answer in time.
 */
export async function waitUntilHealthy({ requester, health, children, timeout_ms, onHealthy }) {
  const deadline = Date.now() + timeout_ms;
  const pending = new Set(SERVICES.map(({ name }) => name));
  const replies = {};
  while (pending.size > 0) {
    const exited = children.filter((child) => !child.running).map((child) => child.name);
    if (exited.length > 0) throw new Error(`${exited.join(', ')} exited before answering health`);
    await Promise.all(
      [...pending].map(async (name) => {
        const reply = await requester.request(
          health[name],
          {},
          { timeout_ms: health_request_timeout_ms },
        );
        if (!reply.ok) return;
        pending.delete(name);
        replies[name] = reply.value;
        onHealthy(name, reply.value);
      }),
    );
    if (pending.size === 0) break;
    if (Date.now() >= deadline) {
      const names = [...pending];
      const logs = names.map((name) => `.omnistock/logs/${name}.log`).join(', ');
      throw new Error(
        `${names.join(', ')} did not answer health within ${timeout_ms / 1000} s; see ${logs}`,
      );
    }
    await sleep(health_retry_ms);
  }
  return replies;
}

function consoleLine(line) {
  let entry;
  try {
    entry = JSON.parse(line);
  } catch {
    return line;
  }
  if (typeof entry !== 'object' || entry === null || typeof entry.level !== 'number') return line;
  if (entry.level < PINO_WARN_LEVEL) return undefined;
  const level = PINO_LEVEL_NAMES[Math.min(60, Math.floor(entry.level / 10) * 10)] ?? 'WARN';
  const paint = entry.level >= 50 ? red : yellow;
  const cause = entry.err?.message ? dim(` — ${entry.err.message}`) : '';
  return `${paint(level)} ${entry.msg ?? ''}${cause}`;
}
