import { DEAD_LETTER_STREAM, EVENT_STREAM } from '@omnistock/contracts';
import { jetstreamManager, RetentionPolicy, StorageType } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { namespacedStreamName, namespacedSubject } from './namespace.js';

const STREAM_MAX_AGE_NS = 7 * 24 * 3600 * 1e9;
const STREAM_MAX_BYTES = 2 * 1024 ** 3;

export function eventStreamName(namespace: string): string {
  return namespacedStreamName(namespace, EVENT_STREAM.name);
}

export function deadLetterStreamName(namespace: string): string {
  return namespacedStreamName(namespace, DEAD_LETTER_STREAM.name);
}

/**
 * Creates the event stream and its dead-letter stream if they are missing; every service
 * calls this at boot, so order does not matter. `replicas` is 1 on a single server and 3
 * on a cluster (a single server refuses more).
 */
export async function ensureEventStream(
  connection: NatsConnection,
  namespace: string,
  replicas = 1,
): Promise<string> {
  const name = eventStreamName(namespace);
  await ensureStream(connection, replicas, {
    name,
    subjects: [namespacedSubject(namespace, EVENT_STREAM.subjects)],
    duplicate_window: EVENT_STREAM.duplicate_window_ms * 1e6,
  });
  await ensureStream(connection, replicas, {
    name: deadLetterStreamName(namespace),
    subjects: [namespacedSubject(namespace, DEAD_LETTER_STREAM.subjects)],
    duplicate_window: EVENT_STREAM.duplicate_window_ms * 1e6,
  });
  return name;
}

/**
 * Creates a stream if it is missing; a stream found with fewer replicas is raised, never
 * lowered. Another replica creating it between our look and our add is not an error.
 */
async function ensureStream(
  connection: NatsConnection,
  replicas: number,
  config: { name: string; subjects: string[]; duplicate_window: number },
): Promise<void> {
  const manager = await jetstreamManager(connection);
  try {
    const info = await manager.streams.info(config.name);
    if ((info.config.num_replicas ?? 1) < replicas) {
      await manager.streams.update(config.name, { ...info.config, num_replicas: replicas });
    }
  } catch {
    try {
      await manager.streams.add({
        ...config,
        retention: RetentionPolicy.Limits,
        storage: StorageType.File,
        num_replicas: replicas,
        max_age: STREAM_MAX_AGE_NS,
        max_bytes: STREAM_MAX_BYTES,
      });
    } catch (error) {
      await manager.streams.info(config.name).catch(() => {
        throw error;
      });
    }
  }
}

export async function deleteEventStream(
  connection: NatsConnection,
  namespace: string,
): Promise<void> {
  const manager = await jetstreamManager(connection);
  await manager.streams.delete(eventStreamName(namespace)).catch(() => undefined);
  await manager.streams.delete(deadLetterStreamName(namespace)).catch(() => undefined);
}
