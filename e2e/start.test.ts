import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { health, ledger, SERVICE_NAMES } from '@omnistock/contracts';
import { connectNats, deleteEventStream, NatsRequester } from '@omnistock/messaging';
import {
  createThrowawayDatabase,
  freePort,
  TEST_NATS_URL,
  type ThrowawayDatabase,
} from '@omnistock/testing';
import type { NatsConnection } from '@nats-io/transport-node';
import { DEMO_RECEIPTS, DEMO_SKUS, loadDemoData } from '@omnistock/seed';

const root = fileURLToPath(new URL('..', import.meta.url));
/** `npm start` builds before it boots; generous, because CI boxes are slow and shared. */
const ready_wait_ms_max = 120_000;
const exit_wait_ms_max = 60_000;
const READY_LINE = 'omnistock is ready';

/** The README's first command, run for real: build, boot all five services, seed, stop on Ctrl-C. */
describe('npm start', () => {
  const namespace = `tstart${randomBytes(4).toString('hex')}`;
  let database: ThrowawayDatabase;
  let connection: NatsConnection;
  let requester: NatsRequester;
  let start: ChildProcess;
  let output = '';
  let exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  let descendants: number[] = [];

  beforeAll(async () => {
    database = await createThrowawayDatabase('start');
    connection = await connectNats(TEST_NATS_URL, 'test-start');
    requester = new NatsRequester(connection, namespace);
    start = spawn(process.execPath, ['tools/start/start.mjs'], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        NATS_URL: TEST_NATS_URL,
        OMNISTOCK_NATS_NAMESPACE: namespace,
        PORT: String(await freePort()),
        OMNISTOCK_ADMIN_KEY: `test-admin-${randomBytes(8).toString('hex')}`,
        LOG_LEVEL: 'warn',
        NO_COLOR: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    exited = new Promise((resolve) =>
      start.once('exit', (code, signal) => resolve({ code, signal })),
    );
    start.stdout!.on('data', (chunk) => (output += chunk));
    start.stderr!.on('data', (chunk) => (output += chunk));
    await untilReady();
    descendants = descendantsOf(start.pid!);
  }, ready_wait_ms_max + 30_000);

  afterAll(async () => {
    if (start.exitCode === null && start.signalCode === null) {
      start.kill('SIGINT');
      await exited;
    }
    await deleteEventStream(connection, namespace);
    await connection.close();
    await database.drop();
  }, exit_wait_ms_max + 30_000);

  it('prints what is where', () => {
    expect(output).toContain('http://127.0.0.1:');
    expect(output).toMatch(/admin key\s+test-admin-/);
    expect(output).toContain(`/${database.name}`);
    expect(output).toContain(`namespace ${namespace}`);
    expect(output).toContain('.omnistock/logs');
  });

  it('runs every service, each answering its health subject in our namespace', async () => {
    for (const name of SERVICE_NAMES) {
      const reply = await requester.request(health[name], {});
      expect(reply).toMatchObject({ ok: true, value: { service: name } });
    }
  });

  it('loads the demo locations, and stock for every SKU in several locations', async () => {
    const locations = await requester.request(ledger.listLocations, {});
    expect(locations.ok && locations.value.locations).toHaveLength(9);
    const availability = await webAvailability();
    for (const item of availability) {
      expect(
        item.locations.filter((location) => location.available > 0).length,
      ).toBeGreaterThanOrEqual(3);
    }
    expect(totals(availability)).toEqual(expectedOnHand());
  });

  it('loads the demo data again without doubling stock', async () => {
    await loadDemoData(requester);
    expect(totals(await webAvailability())).toEqual(expectedOnHand());
  });

  it(
    'stops everything it started on SIGINT and exits 0',
    async () => {
      expect(descendants.length).toBeGreaterThanOrEqual(SERVICE_NAMES.length);
      start.kill('SIGINT');
      const exit = await withTimeout(exited, exit_wait_ms_max, 'npm start to exit');
      expect(exit).toEqual({ code: 0, signal: null });
      expect(descendants.filter(isRunning)).toEqual([]);
    },
    exit_wait_ms_max + 10_000,
  );

  function untilReady(): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(new Error(`no "${READY_LINE}" within ${ready_wait_ms_max / 1000} s:\n${output}`)),
        ready_wait_ms_max,
      );
      start.stdout!.on('data', () => {
        if (!output.includes(READY_LINE)) return;
        clearTimeout(timer);
        resolve();
      });
      start.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`npm start exited (${code}) before ready:\n${output}`));
      });
    });
  }

  async function webAvailability() {
    const reply = await requester.request(ledger.availability, {
      channel: 'web',
      skus: DEMO_SKUS.map(({ sku }) => sku),
    });
    if (!reply.ok) throw new Error(`availability: ${reply.error.code} ${reply.error.message}`);
    return reply.value.items;
  }
});

/** Web sells from everywhere with no safety stock or cap, so what it sees is what was received. */
function expectedOnHand(): Record<string, number> {
  const expected: Record<string, number> = {};
  for (const receipt of DEMO_RECEIPTS) {
    for (const line of receipt.lines) expected[line.sku] = (expected[line.sku] ?? 0) + line.qty;
  }
  return expected;
}

function totals(items: { sku: string; available: number }[]): Record<string, number> {
  return Object.fromEntries(items.map((item) => [item.sku, item.available]));
}

/** Every process below `pid`, from /proc: the services it spawned (and anything they spawned). */
function descendantsOf(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name may contain spaces; the parent pid is the second field after its ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // exited while we looked
    }
  }
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift()!) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

async function withTimeout<T>(promise: Promise<T>, timeout_ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`timed out after ${timeout_ms / 1000} s waiting for ${what}`)),
      timeout_ms,
    );
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
