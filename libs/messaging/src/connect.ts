import { connect, type NatsConnection } from '@nats-io/transport-node';

/** A NATS user of the deployment's accounts (docker/nats/accounts.conf); none on a bare server. */
export interface NatsAuth {
  user: string;
  pass: string;
}

/**
 * A connection that keeps reconnecting: a NATS restart is an outage to ride out, not a
 * crash. Credentials travel as options, never in the URL (the client ignores them there,
 * and a URL is the kind of thing that ends up in a log line).
 */
export async function connectNats(
  servers: string,
  name: string,
  auth?: NatsAuth,
): Promise<NatsConnection> {
  return connect({
    servers,
    name,
    ...(auth ? { user: auth.user, pass: auth.pass } : {}),
    maxReconnectAttempts: -1,
    reconnectTimeWait: 250,
    timeout: 5_000,
  });
}
