import { connect, type NatsConnection } from '@nats-io/transport-node';

/** A connection that keeps reconnecting: a NATS restart is an outage to ride out, not a crash. */
export async function connectNats(servers: string, name: string): Promise<NatsConnection> {
  return connect({
    servers,
    name,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 250,
    timeout: 5_000,
  });
}
