// Plain Node only: these run before node_modules may exist.
import { accessSync, constants, readFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { delimiter, join } from 'node:path';

const probe_interval_ms = 250;

/** Calls `attempt` until it returns a value other than undefined, or the time is up. */
export async function waitFor(attempt, { timeout_ms, what }) {
  const deadline = Date.now() + timeout_ms;
  for (;;) {
    const value = await attempt();
    if (value !== undefined) return value;
    if (Date.now() >= deadline)
      throw new Error(`${what} did not happen within ${timeout_ms / 1000} s`);
    await sleep(probe_interval_ms);
  }
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A NATS server greets every connection with `INFO {json}`; reading it tells us both that
 * something answers and whether JetStream is on. Resolves undefined when nothing answers.
 */
export function natsInfo(host, port, timeout_ms = 1_000) {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    let received = '';
    const finish = (info) => {
      socket.destroy();
      resolve(info);
    };
    socket.setTimeout(timeout_ms, () => finish(undefined));
    socket.on('error', () => finish(undefined));
    socket.on('data', (chunk) => {
      received += chunk.toString('utf8');
      const end = received.indexOf('\r\n');
      if (end === -1) return;
      const line = received.slice(0, end);
      if (!line.startsWith('INFO ')) return finish(undefined);
      try {
        finish(JSON.parse(line.slice('INFO '.length)));
      } catch {
        finish(undefined);
      }
    });
  });
}

/** The preferred port if nothing listens there, else one the kernel picks. */
export async function freePort(preferred) {
  if (await canListen(preferred)) return preferred;
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export function canListen(port, host) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

/**
 * Debian puts daemons in /usr/sbin, which is not on an ordinary user's PATH, so look
 * there too before saying the program is missing.
 */
export function findExecutable(name) {
  const directories = [
    ...(process.env.PATH ?? '').split(delimiter),
    '/usr/local/sbin',
    '/usr/sbin',
  ];
  for (const directory of directories.filter(Boolean)) {
    const candidate = join(directory, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

export function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** Empty where /proc is missing (macOS), so callers that need proof of identity act on nothing. */
export function commandLine(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}
