import { execFile, spawn, type ChildProcess } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import {
  DEAD_LETTER_STREAM,
  health,
  ledger,
  promise,
  returns,
  routing,
  SERVICE_NAMES,
} from '@omnistock/contracts';
import { OUTCOME_CONSUMER_DURABLE } from '@omnistock/app-delivery-promise';
import { HOLD_LOST_CONSUMER_DURABLE } from '@omnistock/app-order-routing';
import { ensureEventStream, namespacedSubject } from '@omnistock/messaging';
import {
  createThrowawayDatabase,
  ensureBuilt,
  freePort,
  TestWorld,
  TEST_NATS_URL,
} from '@omnistock/testing';
import { loadServiceConfig, startService } from '@omnistock/service-kit';
import { ledgerService } from '@omnistock/app-stock-ledger';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream } from '@nats-io/jetstream';

/**
 * The deployment artefacts (docker/, deploy/k8s/) cannot run here: there is no Docker
 * engine and no cluster. This checks everything that can be checked without one: the
 * NATS configs load in the real nats-server and their permissions behave as documented,
 * compose and the manifests say what they should, the image's build context holds every
 * file the Dockerfile copies and the image's code needs nothing it leaves out, and the
 * healthcheck script answers for a real running service.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));
const execFileAsync = promisify(execFile);
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

const NATS_SERVER_CANDIDATES = [
  '/usr/sbin/nats-server',
  '/usr/bin/nats-server',
  '/usr/local/bin/nats-server',
];
const natsServer = NATS_SERVER_CANDIDATES.find((path) => existsSync(path));
/**
 * The script's default budget: it covers node starting and importing dist/ too, which on a
 * busy shared box took more than 3 s and failed a healthy ledger's check.
 */
const HEALTHCHECK_TIMEOUT_MS = 5_000;
/** What the image and the healthcheck import: the build is there if this is. */
const BUILT_LIBS = ['dist/libs/contracts/src/index.js'];
/** Requests the permissions must refuse wait this long for an answer that never comes. */
const DENIED_WAIT_MS = 400;
const NATS_READY_WAIT_MS = 10_000;

/** The apps' folders and the names their contracts and NATS users go by. */
const APPS = [
  { dir: 'stock-ledger', name: 'ledger' },
  { dir: 'order-routing', name: 'routing' },
  { dir: 'delivery-promise', name: 'promise' },
  { dir: 'returns', name: 'returns' },
  { dir: 'gateway', name: 'gateway' },
] as const;
const WAREHOUSE_USER = 'wms-WH-LDN-1';
const WAREHOUSE_LOCATION = 'WH-LDN-1';

const read = (path: string) => readFileSync(join(root, path), 'utf8');
const loadYaml = (path: string) => yaml.load(read(path)) as Record<string, any>;
const loadYamlDocuments = (path: string) =>
  read(path)
    .split(/^---$/m)
    .map((text) => yaml.load(text) as Record<string, any>)
    .filter(Boolean);

/** Users and their password variables, as accounts.conf declares them. */
function natsUsers(): Map<string, string> {
  const text = read('docker/nats/accounts.conf');
  const users = new Map<string, string>();
  for (const match of text.matchAll(/^\s*user:\s*(\S+)\s*\n\s*password:\s*(\S+)/gm))
    users.set(match[1], match[2]);
  return users;
}

const passwordVariables = () => [...new Set(natsUsers().values())].map((v) => v.replace(/^\$/, ''));

/** Throwaway passwords for the variables accounts.conf references, never written anywhere. */
const testPasswords = () =>
  Object.fromEntries(passwordVariables().map((name) => [name, `test-${name.toLowerCase()}`]));

describe('NATS cluster configuration (docker/nats)', () => {
  const skip = !natsServer;
  // Jest prints skipped tests by name: this one says why the others did not run.
  if (skip)
    it.skip(`needs nats-server (looked in ${NATS_SERVER_CANDIDATES.join(', ')})`, () => undefined);

  (skip ? it.skip : it).each(['nats-1.conf', 'nats-2.conf', 'nats-3.conf'])(
    '%s loads in nats-server -t with the passwords from the environment',
    async (file) => {
      const { stdout, stderr } = await execFileAsync(
        natsServer!,
        ['--config', join(root, 'docker/nats', file), '-t'],
        { env: { ...process.env, ...testPasswords() } },
      );
      expect(`${stdout}${stderr}`).toMatch(/is valid/);
    },
  );

  (skip ? it.skip : it)(
    'refuses to load when a password variable is unset: no fallback',
    async () => {
      const passwords = testPasswords();
      delete passwords[passwordVariables()[0]];
      await expect(
        execFileAsync(natsServer!, ['--config', join(root, 'docker/nats/nats-1.conf'), '-t'], {
          env: { ...process.env, ...passwords },
        }),
      ).rejects.toThrow(/can not be found/);
    },
  );

  it('declares three nodes of one cluster that route to each other, with JetStream', () => {
    const cluster = read('docker/nats/cluster.conf');
    expect(cluster).toMatch(/jetstream\s*\{/);
    for (const node of [1, 2, 3]) {
      expect(read(`docker/nats/nats-${node}.conf`)).toMatch(
        new RegExp(`server_name: nats-${node}\\b`),
      );
      expect(cluster).toContain(`nats-route://nats-${node}:6222`);
    }
  });

  it('has one user per service and the sample warehouse, no literal password', () => {
    const users = natsUsers();
    expect([...users.keys()].sort()).toEqual([...SERVICE_NAMES, WAREHOUSE_USER].sort());
    for (const variable of users.values())
      expect(variable).toMatch(/^\$OMNISTOCK_NATS_[A-Z0-9_]+_PASSWORD$/);
    expect(read('docker/nats/accounts.conf')).not.toMatch(/password:\s*[^$\s]/);
  });
});

/**
 * The permissions, exercised on a real nats-server loading accounts.conf: every service may
 * answer its verbs, call the services it calls and publish (through JetStream, as the
 * outbox relay does) every event its contracts declare; nothing more, and the warehouse
 * user only its location's events and the fulfilment commands.
 */
(natsServer ? describe : describe.skip)('NATS permissions (docker/nats/accounts.conf)', () => {
  let directory: string;
  let server: ChildProcess;
  let url: string;
  const connections = new Map<string, NatsConnection>();
  const passwords = testPasswords();
  const users = natsUsers();

  const as = (user: string) => connections.get(user)!;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'omnistock-nats-'));
    copyFileSync(join(root, 'docker/nats/accounts.conf'), join(directory, 'accounts.conf'));
    const port = await freePort();
    url = `nats://127.0.0.1:${port}`;
    // A single node: the permissions are what is under test, not the cluster.
    writeFileSync(
      join(directory, 'server.conf'),
      `listen: 127.0.0.1:${port}\njetstream { store_dir: "${join(directory, 'js')}" }\ninclude "./accounts.conf"\n`,
    );
    server = spawn(natsServer!, ['--config', join(directory, 'server.conf')], {
      env: { ...process.env, ...passwords },
      stdio: 'ignore',
    });
    const deadline = Date.now() + NATS_READY_WAIT_MS;
    for (const [user, variable] of users) {
      for (;;) {
        try {
          connections.set(
            user,
            await connect({
              servers: url,
              user,
              pass: passwords[variable.slice(1)],
              maxReconnectAttempts: 0,
            }),
          );
          break;
        } catch (error) {
          if (Date.now() > deadline) throw error;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    }
    // The stream, created by a service exactly as every service does at boot.
    await ensureEventStream(as('ledger'), '');
  });

  afterAll(async () => {
    for (const connection of connections.values()) await connection.close().catch(() => undefined);
    server?.kill('SIGTERM');
    if (directory) rmSync(directory, { recursive: true, force: true });
  });

  it('lets a service log in with NATS_USER and NATS_PASSWORD from its environment, and answer as itself', async () => {
    const database = await createThrowawayDatabase('deploy_auth');
    const variable = users.get('ledger')!.slice(1);
    const config = loadServiceConfig({
      DATABASE_URL: database.url,
      NATS_URL: url,
      NATS_USER: 'ledger',
      NATS_PASSWORD: passwords[variable]!,
      LOG_LEVEL: 'silent',
    });
    const service = await startService(ledgerService, config);
    try {
      const reply = await as('gateway').request(health.ledger.subject, '{}', { timeout: 5_000 });
      expect(reply.json()).toMatchObject({ service: 'ledger', status: 'ok' });
    } finally {
      await service.close();
      await database.drop();
    }
  });

  it('refuses a wrong password', async () => {
    await expect(
      connect({ servers: url, user: 'ledger', pass: 'wrong', maxReconnectAttempts: 0 }),
    ).rejects.toThrow();
  });

  /** True when `requester`'s request on `subject` reaches `responder`, subscribed to it, and its answer comes back. */
  async function canRequest(
    requester: string,
    subject: string,
    responder: string,
  ): Promise<boolean> {
    const subscription = as(responder).subscribe(subject, {
      callback: (error, message) => {
        if (!error) message.respond('answered');
      },
    });
    try {
      await as(responder).flush();
      const reply = await as(requester).request(subject, '{}', { timeout: DENIED_WAIT_MS });
      return reply.string() === 'answered';
    } catch {
      return false;
    } finally {
      subscription.unsubscribe();
    }
  }

  /** True when `user` gets a JetStream acknowledgement for an event on `subject`: the outbox relay's path. */
  async function canPublishEvent(user: string, subject: string): Promise<boolean> {
    try {
      await jetstream(as(user)).publish(subject, '{}', { timeout: DENIED_WAIT_MS });
      return true;
    } catch {
      return false;
    }
  }

  it.each(APPS.map((app) => app.name))(
    '%s answers its health subject, asked by the gateway and by itself',
    async (name) => {
      const subject = health[name].subject;
      expect(await canRequest('gateway', subject, name)).toBe(true);
      // The container healthcheck connects as the service's own user.
      expect(await canRequest(name, subject, name)).toBe(true);
    },
  );

  it('lets each service call the services it calls, and no other', async () => {
    const allowed: [string, string, string][] = [
      ['routing', ledger.reserve.subject, 'ledger'],
      ['routing', ledger.commit.subject, 'ledger'],
      ['routing', promise.resolvePromise.subject, 'promise'],
      ['promise', ledger.availability.subject, 'ledger'],
      ['promise', ledger.listLocations.subject, 'ledger'],
      ['returns', routing.getOrder.subject, 'routing'],
      ['returns', routing.createOrder.subject, 'routing'],
      ['returns', ledger.restockReturn.subject, 'ledger'],
      ['gateway', routing.createOrder.subject, 'routing'],
      ['gateway', returns.createReturn.subject, 'returns'],
    ];
    const refused: [string, string, string][] = [
      ['ledger', routing.createOrder.subject, 'routing'],
      ['ledger', promise.resolvePromise.subject, 'promise'],
      ['promise', routing.createOrder.subject, 'routing'],
      ['routing', returns.createReturn.subject, 'returns'],
      // Answering another service's verbs: the queue group of a service is its own.
      ['gateway', ledger.reserve.subject, 'routing'],
    ];
    for (const [requester, subject, responder] of allowed)
      expect([requester, subject, await canRequest(requester, subject, responder)]).toEqual([
        requester,
        subject,
        true,
      ]);
    for (const [requester, subject, responder] of refused)
      expect([requester, subject, await canRequest(requester, subject, responder)]).toEqual([
        requester,
        subject,
        false,
      ]);
  });

  it('lets each service publish every event its contracts declare, and only its own', async () => {
    const owners = { ledger, routing, promise, returns } as const;
    const events = Object.entries(owners).flatMap(([owner, contracts]) =>
      Object.values(contracts as Record<string, unknown>)
        .filter((value): value is { subject: string; perLocation: boolean } => {
          const contract = value as { subject?: unknown; perLocation?: unknown };
          return typeof contract?.subject === 'string' && typeof contract.perLocation === 'boolean';
        })
        .map((contract) => ({
          owner,
          subject: contract.perLocation
            ? `${contract.subject}.${WAREHOUSE_LOCATION}`
            : contract.subject,
        })),
    );
    expect(events.length).toBeGreaterThan(10);
    for (const { owner, subject } of events) {
      expect([owner, subject, await canPublishEvent(owner, subject)]).toEqual([
        owner,
        subject,
        true,
      ]);
    }
    // One refusal per service is enough to show the lists are not open-ended.
    const foreign = events.find((event) => event.owner === 'routing')!.subject;
    for (const user of ['ledger', 'promise', 'returns', 'gateway', WAREHOUSE_USER])
      expect([user, await canPublishEvent(user, foreign)]).toEqual([user, false]);
  });

  it('lets a consuming service set its own events aside as dead letters, and nobody else', async () => {
    const own = [
      ['routing', DEAD_LETTER_STREAM.subjectFor(HOLD_LOST_CONSUMER_DURABLE)],
      ['promise', DEAD_LETTER_STREAM.subjectFor(OUTCOME_CONSUMER_DURABLE)],
    ];
    for (const [user, subject] of own)
      expect([user, await canPublishEvent(user!, subject!)]).toEqual([user, true]);
    for (const [user, subject] of [
      ['promise', own[0]![1]],
      ['gateway', own[0]![1]],
      ['ledger', own[1]![1]],
      [WAREHOUSE_USER, own[1]![1]],
    ])
      expect([user, subject, await canPublishEvent(user!, subject!)]).toEqual([
        user,
        subject,
        false,
      ]);
  });

  it('lets the warehouse send every fulfilment command, and nothing else', async () => {
    const commands = Object.values(routing as Record<string, unknown>)
      .map((value) => (value as { subject?: unknown })?.subject)
      .filter((subject): subject is string => typeof subject === 'string')
      .filter((subject) => subject.startsWith('omnistock.v1.routing.fulfilment-'))
      .filter(
        (subject) =>
          subject !== routing.getFulfilment.subject && subject !== routing.listFulfilments.subject,
      );
    expect(commands.length).toBeGreaterThanOrEqual(6);
    for (const subject of commands)
      expect([subject, await canRequest(WAREHOUSE_USER, subject, 'routing')]).toEqual([
        subject,
        true,
      ]);
    for (const subject of [
      routing.listFulfilments.subject,
      routing.getOrder.subject,
      routing.createOrder.subject,
      ledger.reserve.subject,
      ledger.adjustStock.subject,
    ])
      expect([subject, await canRequest(WAREHOUSE_USER, subject, subject.split('.')[2])]).toEqual([
        subject,
        false,
      ]);
  });

  it("lets the warehouse hear its own location's fulfilment events and no other location's", async () => {
    const own = routing.fulfilmentAssigned.subjectFor(WAREHOUSE_LOCATION);
    const other = routing.fulfilmentAssigned.subjectFor('WH-MAN-1');
    const heard: string[] = [];
    const warehouse = as(WAREHOUSE_USER);
    const listen = (error: Error | null, message: { subject: string }) => {
      if (!error) heard.push(message.subject);
    };
    warehouse.subscribe(own, { callback: listen });
    warehouse.subscribe(other, { callback: listen });
    await warehouse.flush().catch(() => undefined);
    await canPublishEvent('routing', own);
    await canPublishEvent('routing', other);
    await new Promise((r) => setTimeout(r, DENIED_WAIT_MS));
    expect(heard).toEqual([own]);
  });
});

describe('compose (docker/compose.yaml)', () => {
  const compose = loadYaml('docker/compose.yaml');
  const services = compose.services as Record<string, any>;

  it('runs Postgres 15 and three NATS nodes with JetStream data volumes and healthchecks', () => {
    expect(services.postgres.image).toMatch(/^postgres:15/);
    expect(services.postgres.healthcheck.test).toContain('pg_isready');
    for (const node of [1, 2, 3]) {
      const nats = services[`nats-${node}`];
      expect(nats.command).toEqual(['--config', `/etc/nats/nats-${node}.conf`]);
      expect(existsSync(join(root, 'docker/nats', `nats-${node}.conf`))).toBe(true);
      expect(nats.volumes).toEqual(
        expect.arrayContaining(['./nats:/etc/nats:ro', `nats-${node}-data:/data`]),
      );
      expect(nats.healthcheck.test.join(' ')).toContain('/healthz');
      // The nodes need every user's password to resolve accounts.conf.
      for (const variable of passwordVariables())
        expect(nats.environment[variable]).toBe(`\${${variable}:?set ${variable}}`);
    }
  });

  it.each(APPS)(
    'runs two replicas of $dir, built from its folder, healthchecked, after its dependencies',
    ({ dir, name }) => {
      const service = services[name];
      expect(service.deploy.replicas).toBe(2);
      expect(service.build).toMatchObject({
        context: '..',
        dockerfile: 'docker/Dockerfile',
        args: { SERVICE: dir },
      });
      expect(existsSync(join(root, 'apps', dir, 'src/main.ts'))).toBe(true);
      expect(service.healthcheck.test.length).toBeGreaterThan(1);
      for (const [dependency, condition] of Object.entries(
        service.depends_on as Record<string, any>,
      )) {
        expect(services[dependency]).toBeDefined();
        expect(condition).toEqual({ condition: 'service_healthy' });
      }
      expect(Object.keys(service.depends_on)).toEqual(
        expect.arrayContaining(['postgres', 'nats-1', 'nats-2', 'nats-3']),
      );
      // Its NATS identity is the one accounts.conf gives that service, with the same password.
      expect(service.environment.NATS_USER).toBe(name);
      const variable = natsUsers().get(name)!.slice(1);
      expect(service.environment.NATS_PASSWORD).toBe(`\${${variable}:?set ${variable}}`);
    },
  );

  it('publishes the gateway on port 3000 through a proxy over its replicas', () => {
    expect(services['gateway-proxy'].ports).toEqual(['3000:3000']);
    expect(services['gateway-proxy'].depends_on.gateway.condition).toBe('service_healthy');
    expect(compose.configs['gateway-proxy'].content).toMatch(/server gateway:3000 resolve/);
    expect(services.gateway.healthcheck.test.join(' ')).toContain('/health');
  });

  it('holds no literal secret: every password, key and database URL comes from the environment', () => {
    for (const [serviceName, service] of Object.entries(services))
      for (const [name, value] of Object.entries(
        (service.environment ?? {}) as Record<string, string>,
      )) {
        if (/PASSWORD|KEY/.test(name))
          expect([serviceName, name, value]).toEqual([
            serviceName,
            name,
            expect.stringMatching(/^\$\{[A-Z0-9_]+:\?/),
          ]);
        if (name === 'DATABASE_URL') expect(value).toContain('${OMNISTOCK_POSTGRES_PASSWORD:?');
      }
  });
});

describe('Kubernetes manifests (deploy/k8s)', () => {
  const documents = readdirSync(join(root, 'deploy/k8s'))
    .filter((file) => file.endsWith('.yaml'))
    .flatMap((file) => loadYamlDocuments(`deploy/k8s/${file}`));
  const deployment = (dir: string) =>
    documents.find((doc) => doc.kind === 'Deployment' && doc.metadata.name === dir)!;

  it.each(APPS)(
    'runs $dir: two non-root replicas, probed, secrets by reference',
    ({ dir, name }) => {
      const spec = deployment(dir).spec;
      expect(spec.replicas).toBe(2);
      const pod = spec.template.spec;
      expect(pod.securityContext.runAsNonRoot).toBe(true);
      expect(pod.securityContext.runAsUser).toBeGreaterThan(0);
      const [container] = pod.containers;
      expect(container.image).toMatch(new RegExp(`^omnistock/${dir}:`));
      expect(container.securityContext).toMatchObject({
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
      });
      const alive = ['node', 'docker/healthcheck.mjs', name, '--alive'];
      expect(container.livenessProbe.exec.command).toEqual(alive);
      expect(container.startupProbe.exec.command).toEqual(alive);
      if (name === 'gateway')
        expect(container.readinessProbe.httpGet).toEqual({ path: '/health', port: 'http' });
      else
        expect(container.readinessProbe.exec.command).toEqual([
          'node',
          'docker/healthcheck.mjs',
          name,
        ]);
      // Exec probes are killed at timeoutSeconds: the script's own budget fits inside it.
      expect(container.livenessProbe.timeoutSeconds * 1000).toBeGreaterThan(5_000);
      for (const variable of container.env as {
        name: string;
        value?: string;
        valueFrom?: unknown;
      }[])
        if (/PASSWORD|KEY|DATABASE_URL/.test(variable.name)) {
          expect(variable.value).toBeUndefined();
          expect(variable.valueFrom).toMatchObject({ secretKeyRef: { name: 'omnistock-secrets' } });
        }
      expect(container.envFrom).toEqual([{ configMapRef: { name: 'omnistock-config' } }]);
      expect(
        documents.some((doc) => doc.kind === 'PodDisruptionBudget' && doc.metadata.name === dir),
      ).toBe(true);
    },
  );

  it('exposes the gateway with a Service on port 3000, and configures NATS without credentials', () => {
    const service = documents.find(
      (doc) => doc.kind === 'Service' && doc.metadata.name === 'gateway',
    )!;
    expect(service.spec.ports).toEqual([{ name: 'http', port: 3000, targetPort: 'http' }]);
    expect(service.spec.selector).toEqual({ 'app.kubernetes.io/name': 'gateway' });
    expect(deployment('gateway').spec.template.metadata.labels).toMatchObject(
      service.spec.selector,
    );
    const config = documents.find((doc) => doc.kind === 'ConfigMap')!;
    expect(new URL(config.data.NATS_URL).password).toBe('');
    expect(documents.some((doc) => doc.kind === 'Secret')).toBe(false);
  });
});

describe('image (docker/Dockerfile, .dockerignore)', () => {
  const dockerfile = read('docker/Dockerfile');
  const instructions = dockerfile
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const ignored = read('.dockerignore')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const copies = instructions
    .filter((line) => line.startsWith('COPY '))
    .map((line) => {
      const words = line.split(/\s+/).slice(1);
      const from = words.find((word) => word.startsWith('--from='))?.slice('--from='.length);
      const paths = words.filter((word) => !word.startsWith('--'));
      return { from, sources: paths.slice(0, -1) };
    });

  beforeAll(() => ensureBuilt(BUILT_LIBS));

  it('keeps node_modules, dist and .omnistock out of the build context', () => {
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', '.omnistock', 'dist']));
  });

  it('copies from the context only files that exist and that .dockerignore lets through', () => {
    for (const { sources } of copies.filter((copy) => !copy.from))
      for (const source of sources) {
        expect([source, existsSync(join(root, source))]).toEqual([source, true]);
        const topLevel = source.split('/')[0];
        expect([source, ignored.includes(topLevel)]).toEqual([source, false]);
      }
  });

  it('copies into the build stage everything `npm run build` compiles', () => {
    const script = JSON.parse(read('package.json')).scripts.build as string;
    const inputs = script
      .match(/swc ((?:[\w/.-]+ )+)-d /)![1]
      .trim()
      .split(' ');
    const copied = copies.filter((copy) => !copy.from).flatMap((copy) => copy.sources);
    const configFile = script.match(/--config-file (\S+)/)![1];
    expect(copied).toEqual(
      expect.arrayContaining([...inputs, configFile, 'package.json', 'package-lock.json']),
    );
  });

  it.each(APPS)('gives $dir the compiled files it runs and the healthcheck imports', ({ dir }) => {
    for (const { from, sources } of copies.filter((copy) => copy.from === 'build'))
      for (const source of sources) {
        const built = source.replace(/^\/app\//, '').replace('${SERVICE}', dir);
        expect([built, existsSync(join(root, built))]).toEqual([built, true]);
        expect(from).toBe('build');
      }
    const runtimePaths = copies
      .filter((copy) => copy.from === 'build')
      .flatMap((copy) =>
        copy.sources.map((s) => s.replace(/^\/app\//, '').replace('${SERVICE}', dir)),
      );
    for (const needed of [
      `dist/apps/${dir}/src/main.js`,
      'dist/libs/contracts/src/index.js',
      'dist/libs/messaging/src/index.js',
    ])
      expect([needed, runtimePaths.some((path) => needed.startsWith(`${path}/`))]).toEqual([
        needed,
        true,
      ]);
  });

  /**
   * Follows the imports from the service's main.js (and the healthcheck's) through the
   * compiled code: with `npm ci --omit=dev --omit=optional` in the image, a dev-only import
   * would crash the container at start, and a file outside what the image copies would be
   * missing.
   */
  it.each(APPS)(
    "$dir's compiled code reaches only production dependencies and the files the image holds",
    ({ dir }) => {
      const { dependencies } = JSON.parse(read('package.json')) as {
        dependencies: Record<string, string>;
      };
      const allowed = new Set([...Object.keys(dependencies), ...builtinModules]);
      const packageOf = (specifier: string) =>
        specifier.startsWith('node:')
          ? specifier.slice('node:'.length)
          : specifier
              .split('/')
              .slice(0, specifier.startsWith('@') ? 2 : 1)
              .join('/');
      // Static imports and re-exports at the start of a line (swc's output), side-effect
      // imports, and dynamic imports of a literal.
      const IMPORT =
        /^(?:import|export)\s[^;]*?\bfrom\s*["']([^"']+)["']|^import\s*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/gm;
      const problems: string[] = [];
      const seen = new Set<string>();
      const pending = [`dist/apps/${dir}/src/main.js`];
      for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
        if (seen.has(file)) continue;
        seen.add(file);
        for (const match of read(file).matchAll(IMPORT)) {
          const specifier = match[1] ?? match[2] ?? match[3];
          if (!specifier.startsWith('.')) {
            if (!allowed.has(packageOf(specifier))) problems.push(`${file} → ${specifier}`);
            continue;
          }
          const target = relative(root, resolve(root, file, '..', specifier));
          const inImage =
            target.startsWith(`dist/apps/${dir}/`) ||
            (target.startsWith('dist/libs/') && !target.startsWith('dist/libs/testing/'));
          if (!inImage || !existsSync(join(root, target))) problems.push(`${file} → ${target}`);
          else pending.push(target);
        }
      }
      expect(seen.size).toBeGreaterThan(10);
      const script = read('docker/healthcheck.mjs');
      for (const match of script.matchAll(/^import .* from '([^']+)'/gm))
        if (!allowed.has(packageOf(match[1])))
          problems.push(`docker/healthcheck.mjs → ${match[1]}`);
      expect(problems).toEqual([]);
    },
  );

  it('runs as a non-root user, with a healthcheck, from images named without a registry host', () => {
    const user = instructions.filter((line) => line.startsWith('USER ')).pop();
    expect(user).toBeDefined();
    expect(user).not.toMatch(/USER\s+(root|0)(:|$)/);
    expect(instructions.some((line) => /^HEALTHCHECK .*docker\/healthcheck\.mjs/.test(line))).toBe(
      true,
    );
    const images = [...dockerfile.matchAll(/^ARG NODE_IMAGE=(\S+)/gm)].map((match) => match[1]);
    expect(images).toEqual(['node:20-slim']);
    expect(
      instructions
        .filter((line) => line.startsWith('FROM '))
        .every((line) => /^FROM \$\{NODE_IMAGE\} AS \w+$/.test(line)),
    ).toBe(true);
  });
});

describe('healthcheck script (docker/healthcheck.mjs)', () => {
  let world: TestWorld;

  beforeAll(async () => {
    ensureBuilt(BUILT_LIBS);
    world = await TestWorld.create('deploy_health');
  });

  afterAll(() => world?.dispose());

  function healthcheck(args: string[], namespace = world.namespace, natsUrl = TEST_NATS_URL) {
    const started = Date.now();
    return new Promise<{ code: number | null; elapsed_ms: number; stderr: string }>(
      (resolveRun) => {
        let stderr = '';
        const child = spawn(process.execPath, ['docker/healthcheck.mjs', ...args], {
          cwd: root,
          env: {
            ...process.env,
            NATS_URL: natsUrl,
            OMNISTOCK_NATS_NAMESPACE: namespace,
            OMNISTOCK_HEALTHCHECK_TIMEOUT_MS: String(HEALTHCHECK_TIMEOUT_MS),
          },
        });
        child.stderr.on('data', (chunk) => (stderr += chunk));
        child.on('exit', (code) => resolveRun({ code, elapsed_ms: Date.now() - started, stderr }));
      },
    );
  }

  it('exits 0 while the ledger answers ok, 1 once it is stopped, within its timeout', async () => {
    const service = await world.start(ledgerService);
    expect(await healthcheck(['ledger'])).toMatchObject({ code: 0, stderr: '' });
    // The image passes its build argument: the app's folder name works too.
    expect(await healthcheck(['stock-ledger'])).toMatchObject({ code: 0, stderr: '' });
    expect(await healthcheck(['ledger', '--alive'])).toMatchObject({ code: 0, stderr: '' });
    // Another namespace's ledger is not this one: the script honours the namespace.
    expect(await healthcheck(['ledger'], `${world.namespace}x`)).toMatchObject({ code: 1 });

    await world.stop(service);
    for (const args of [['ledger'], ['ledger', '--alive']]) {
      const run = await healthcheck(args);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/healthcheck: /);
      // Its own budget plus the time node takes to start.
      expect(run.elapsed_ms).toBeLessThan(HEALTHCHECK_TIMEOUT_MS + 5_000);
    }
  });

  it('exits 1 at its timeout when something takes the request and never answers', async () => {
    // A hung replica: subscribed (so no "no responders"), silent.
    const silent = world.connection.subscribe(
      namespacedSubject(world.namespace, health.returns.subject),
    );
    await world.connection.flush();
    try {
      const run = await healthcheck(['returns']);
      expect(run.code).toBe(1);
      expect(run.elapsed_ms).toBeGreaterThanOrEqual(HEALTHCHECK_TIMEOUT_MS - 100);
      expect(run.elapsed_ms).toBeLessThan(HEALTHCHECK_TIMEOUT_MS + 5_000);
    } finally {
      silent.unsubscribe();
    }
  });

  it('exits 1 naming the problem for an unknown service or a missing NATS_URL', async () => {
    const unknown = await healthcheck(['nope']);
    expect(unknown).toMatchObject({ code: 1, stderr: expect.stringContaining('unknown service') });
    const unconfigured = await healthcheck(['ledger'], world.namespace, '');
    expect(unconfigured).toMatchObject({ code: 1, stderr: expect.stringContaining('NATS_URL') });
  });
});
