import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Child, stopPid } from './processes.mjs';
import { commandLine, findExecutable, isAlive, natsInfo, waitFor } from './probes.mjs';

const LOCAL_HOST = '127.0.0.1';
const LOCAL_PORT = 4222;
/** Not 4222: a system NATS that is merely slow to start must not collide with ours. */
const SPAWNED_PORT = 4223;
const NATS_DEFAULT_PORT = 4222;
const given_url_wait_ms_max = 5_000;
const nats_ready_ms_max = 15_000;
const nats_stop_ms_max = 10_000;

export class NatsMissing extends Error {}

/** NATS_URL, else a server on 127.0.0.1:4222, else a nats-server we start, else a way to get one. */
export async function provideNats({ root, stateDir, logDir }) {
  if (process.env.NATS_URL) {
    const url = process.env.NATS_URL;
    const { hostname, port } = new URL(url.split(',')[0]);
    const info = await waitFor(() => natsInfo(hostname, Number(port) || NATS_DEFAULT_PORT), {
      timeout_ms: given_url_wait_ms_max,
      what: `NATS at NATS_URL (${withoutCredentials(url)}) answering`,
    });
    requireJetStream(info, withoutCredentials(url));
    return { url, source: 'from NATS_URL', stop: async () => {} };
  }
  const local = await natsInfo(LOCAL_HOST, LOCAL_PORT);
  if (local) {
    requireJetStream(local, `${LOCAL_HOST}:${LOCAL_PORT}`);
    return {
      url: `nats://${LOCAL_HOST}:${LOCAL_PORT}`,
      source: 'the local server on 4222',
      stop: async () => {},
    };
  }
  const binary = findExecutable('nats-server');
  if (!binary) {
    throw new NatsMissing(
      `no NATS: nothing answers on ${LOCAL_HOST}:${LOCAL_PORT} and nats-server is not installed.\n` +
        '  Install it (Debian/Ubuntu: `sudo apt-get install nats-server`, macOS: `brew install nats-server`)\n' +
        '  or set NATS_URL to a NATS server with JetStream enabled, e.g. NATS_URL=nats://127.0.0.1:4222',
    );
  }
  return spawnNatsServer({ binary, root, stateDir, logDir });
}

export function withoutCredentials(url) {
  return url.replace(/\/\/[^@/]*@/g, '//');
}

async function spawnNatsServer({ binary, root, stateDir, logDir }) {
  const url = `nats://${LOCAL_HOST}:${SPAWNED_PORT}`;
  const storeDir = join(stateDir, 'nats');
  const pidFile = join(stateDir, 'nats-server.pid');
  const logFile = join(logDir, 'nats.log');
  const source = `started from ${binary}, JetStream data in ${relative(root, storeDir)}`;

  const leftoverPid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').trim()) : NaN;
  const isOurs = (pid) => isAlive(pid) && commandLine(pid).includes(storeDir);
  if (
    Number.isInteger(leftoverPid) &&
    isOurs(leftoverPid) &&
    (await natsInfo(LOCAL_HOST, SPAWNED_PORT))
  ) {
    return {
      url,
      source: `${source}, left running by an earlier run (pid ${leftoverPid})`,
      stop: async () => {
        await stopPid(leftoverPid, 'SIGTERM', nats_stop_ms_max);
        rmSync(pidFile, { force: true });
      },
    };
  }

  mkdirSync(storeDir, { recursive: true });
  const logFd = openSync(logFile, 'a');
  const server = new Child(
    'nats-server',
    binary,
    ['-js', '-sd', storeDir, '-a', LOCAL_HOST, '-p', String(SPAWNED_PORT), '-P', pidFile],
    { stdio: ['ignore', logFd, logFd] },
  );
  closeSync(logFd);
  await waitFor(
    async () => {
      if (!server.running) throw new Error(`nats-server exited; see ${relative(root, logFile)}`);
      return natsInfo(LOCAL_HOST, SPAWNED_PORT);
    },
    {
      timeout_ms: nats_ready_ms_max,
      what: `nats-server on ${LOCAL_HOST}:${SPAWNED_PORT} answering`,
    },
  );
  const stop = async () => {
    await server.stop('SIGTERM', nats_stop_ms_max);
    rmSync(pidFile, { force: true });
  };
  return { url, source, child: server, stop };
}

/** Every service keeps its events in a JetStream stream; without it they would fail one by one. */
function requireJetStream(info, where) {
  if (info.jetstream) return;
  throw new Error(
    `NATS at ${where} runs without JetStream; restart it with -js (or --jetstream), or set NATS_URL`,
  );
}
