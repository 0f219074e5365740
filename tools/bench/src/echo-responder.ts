import { benchEcho } from '@omnistock/contracts';
import { connectNats, namespacedSubject } from '@omnistock/messaging';

/**
 * The baseline's other end, in its own process like a service: it answers every request
 * with its own bytes, so the benchmark measures what NATS and the client cost alone.
 */
const natsUrl = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const namespace = process.env.OMNISTOCK_NATS_NAMESPACE ?? '';
const connection = await connectNats(natsUrl, 'omnistock-bench-echo');
connection.subscribe(namespacedSubject(namespace, benchEcho.subject), {
  queue: 'omnistock-bench-echo',
  callback: (error, message) => {
    if (!error) message.respond(message.data);
  },
});
await connection.flush();
process.stdout.write('echo ready\n');
const stop = () => void connection.drain().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
