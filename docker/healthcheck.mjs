// Container healthcheck and Kubernetes exec probe for the services that speak only NATS.
//
//   node docker/healthcheck.mjs [service]          exit 0: the service answered status "ok"
//                                                   exit 1: degraded, no answer, or any error
//   node docker/healthcheck.mjs [service] --alive  exit 0 on any answer, degraded included
//
// --alive is for liveness probes: a replica that answers "degraded" (its Postgres is down)
// is alive and will recover by itself, so restarting it would only add to the outage; it
// is not ready, which the plain form (readiness, Docker's HEALTHCHECK) reports.
//
// The service is the argument, else OMNISTOCK_SERVICE; either the health name (`ledger`) or
// the app's folder (`stock-ledger`), so the image can pass its build argument straight on.
// It asks whichever replica the queue group picks, which is the question a load balancer
// asks too: "can this deployment answer?". Liveness of one particular replica is its process.
//
// Subjects come from the built contracts and messaging libs (never spelled here), so the
// script needs `npm run build` first; the image copies dist/ next to it.
import { connect } from '@nats-io/transport-node';

const TIMEOUT_MS_DEFAULT = 5_000;
const TIMEOUT_MS_MAX = 60_000;
// The apps' folders whose health name differs from the folder.
const HEALTH_NAME_BY_APP = {
  'stock-ledger': 'ledger',
  'order-routing': 'routing',
  'delivery-promise': 'promise',
};

const root = new URL('../', import.meta.url);
const started = Date.now();

function fail(message) {
  // One line on stderr: Docker keeps the last few in `docker inspect`, kubectl in events.
  process.stderr.write(`healthcheck: ${message}\n`);
  process.exit(1);
}

function timeoutMs() {
  const text = process.env.OMNISTOCK_HEALTHCHECK_TIMEOUT_MS;
  if (!text) return TIMEOUT_MS_DEFAULT;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > TIMEOUT_MS_MAX)
    fail(`OMNISTOCK_HEALTHCHECK_TIMEOUT_MS must be an integer from 1 to ${TIMEOUT_MS_MAX}`);
  return value;
}

async function main() {
  const budget = timeoutMs();
  // Whatever happens (a NATS server that accepts the socket and never speaks), the
  // process ends inside its budget: a probe that hangs is worse than one that fails.
  setTimeout(() => fail(`no answer within ${budget} ms`), budget).unref();

  const args = process.argv.slice(2);
  const aliveOnly = args.includes('--alive');
  const requested = args.find((arg) => !arg.startsWith('--')) || process.env.OMNISTOCK_SERVICE;
  if (!requested) fail('which service? pass it as the argument or set OMNISTOCK_SERVICE');
  const service = HEALTH_NAME_BY_APP[requested] ?? requested;

  const natsUrl = process.env.NATS_URL;
  if (!natsUrl) fail('NATS_URL is required');

  let contracts, messaging;
  try {
    contracts = await import(new URL('dist/libs/contracts/src/index.js', root).href);
    messaging = await import(new URL('dist/libs/messaging/src/index.js', root).href);
  } catch (error) {
    fail(`dist/ is missing or broken (run npm run build): ${error.message}`);
  }
  const contract = contracts.health[service];
  if (!contract)
    fail(`unknown service "${requested}": one of ${contracts.SERVICE_NAMES.join(', ')}`);
  const namespace = process.env.OMNISTOCK_NATS_NAMESPACE ?? '';
  messaging.assertNamespace(namespace);
  const subject = messaging.namespacedSubject(namespace, contract.subject);

  // What is left of the budget after loading dist/ (about a second on a cold start).
  const remaining = () => Math.max(1, budget - (Date.now() - started));
  const connection = await connect({
    servers: natsUrl,
    name: `healthcheck-${service}`,
    // The services' own NATS user: it may publish to its own health subject.
    user: process.env.NATS_USER || undefined,
    pass: process.env.NATS_PASSWORD || undefined,
    timeout: remaining(),
    maxReconnectAttempts: 0,
  });
  try {
    const message = await connection.request(subject, '{}', { timeout: remaining() });
    const reply = message.json();
    if (aliveOnly && typeof reply?.status === 'string') return;
    if (reply?.status !== 'ok') {
      const failing = Object.entries(reply?.checks ?? {})
        .filter(([, check]) => !check.ok)
        .map(([name]) => name);
      fail(`${service} is ${reply?.status ?? 'unreadable'}: ${failing.join(', ') || 'no detail'}`);
    }
  } finally {
    await connection.close().catch(() => undefined);
  }
}

main().then(
  () => process.exit(0),
  (error) => fail(error?.message ?? String(error)),
);
