import { EVENT_STREAM } from '@omnistock/contracts';
import { jetstreamManager, RetentionPolicy, StorageType } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { namespacedStreamName, namespacedSubject } from './namespace.js';

const STREAM_MAX_AGE_NS = 7 * 24 * 3600 * 1e9;
const STREAM_MAX_BYTES = 2 * 1024 ** 3;

export function eventStreamName(namespace: string): string {
  return namespacedStreamName(namespace, EVENT_STREAM.name);
}

/**
 * Creates the event stream if it is missing; every service calls this at boot, so order
 * does not matter. `replicas` is 1 on a single server and 3 on a cluster (a single server
 * refuses more); a stream found with fewer is raised, never lowered.
 */
export async function ensureEventStream(
  connection: NatsConnection,
  namespace: string,
  replicas = 1,
): Promise<string> {
  const manager = await jetstreamManager(connection);
  const name = eventStreamName(namespace);
  try {
    const info = await manager.streams.info(name);
    if ((info.config.num_replicas ?? 1) < replicas) {
      await manager.streams.update(name, { ...info.config, num_replicas: replicas });
    }
  } catch {
    try {
      await manager.streams.add({
        name,
        subjects: [namespacedSubject(namespace, EVENT_STREAM.subjects)],
        retention: RetentionPolicy.Limits,
        storage: StorageType.File,
        num_replicas: replicas,
        duplicate_window: EVENT_STREAM.duplicate_window_ms * 1e6,
        max_age: STREAM_MAX_AGE_NS,
        max_bytes: STREAM_MAX_BYTES,
      });
    } catch (error) {
      // Another replica created it between our look and our add.
      await manager.streams.info(name).catch(() => {
        throw error;
      });
    }
  }
  return name;
}

export async function deleteEventStream(
  connection: NatsConnection,
  namespace: string,
): Promise<void> {
  const manager = await jetstreamManager(connection);
  await manager.streams.delete(eventStreamName(namespace)).catch(() => undefined);
}
