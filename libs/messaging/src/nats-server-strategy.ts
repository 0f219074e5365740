import { errorEnvelope, LIMITS } from '@omnistock/contracts';
import type { Msg } from '@nats-io/transport-node';
import { ServerNats, type NatsOptions } from '@nestjs/microservices';
import type { NatsAuth } from './connect.js';
import { namespacedSubject } from './namespace.js';
import { RawJsonReply } from './raw-json-reply.js';

/** Why a payload never reached its handler; the handler answers with the envelope. */
export class UnreadablePayload {
  constructor(
    readonly code: 'VALIDATION_FAILED' | 'PAYLOAD_TOO_LARGE',
    readonly message: string,
  ) {}
}

/**
 * Requests on the wire are the contract's plain JSON (no Nest packet wrapper), so any NATS
 * client — a WMS, the `nats` CLI — can call a service. Oversized and malformed payloads
 * become an UnreadablePayload for the handler to answer with a typed error.
 */
class PlainJsonDeserializer {
  deserialize(msg: Msg, options: { channel: string }) {
    const id = msg.reply ? msg.reply : undefined;
    let data: unknown;
    if (msg.data.length > LIMITS.payload_bytes_max) {
      data = new UnreadablePayload(
        'PAYLOAD_TOO_LARGE',
        `payload over ${LIMITS.payload_bytes_max} bytes`,
      );
    } else if (msg.data.length === 0) {
      data = {};
    } else {
      try {
        data = JSON.parse(msg.string());
      } catch {
        data = new UnreadablePayload('VALIDATION_FAILED', 'payload is not valid JSON');
      }
    }
    return { pattern: options.channel, data, id };
  }
}

/** Replies are the handler's value as JSON; only a bug reaches the `err` branch. */
class PlainJsonSerializer {
  serialize(packet: { response?: unknown; err?: unknown }) {
    if (packet.err !== undefined && packet.err !== null) {
      const message = typeof packet.err === 'string' ? packet.err : 'internal error';
      return { data: JSON.stringify(errorEnvelope('INTERNAL', message)) };
    }
    if (packet.response instanceof RawJsonReply) return { data: packet.response.text };
    return { data: JSON.stringify(packet.response ?? null) };
  }
}

export interface NatsServerOptions {
  servers: string;
  name: string;
  /** Queue group: replicas of one service share each subject's requests. */
  queue: string;
  namespace: string;
  auth?: NatsAuth;
}

/** Nest's NATS transport, speaking plain JSON and subscribing under the namespace. */
export class OmnistockNatsServer extends ServerNats {
  private readonly namespace: string;
  private readonly queue: string;

  constructor(options: NatsServerOptions) {
    const natsOptions = {
      servers: options.servers,
      name: options.name,
      ...(options.auth ? { user: options.auth.user, pass: options.auth.pass } : {}),
      queue: options.queue,
      serializer: new PlainJsonSerializer(),
      deserializer: new PlainJsonDeserializer(),
      gracefulShutdown: true,
      gracePeriod: 200,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 250,
    } as unknown as NatsOptions['options'];
    super(natsOptions as never);
    this.namespace = options.namespace;
    this.queue = options.queue;
  }

  override bindEvents(client: Parameters<ServerNats['bindEvents']>[0]): void {
    const queue = this.queue;
    for (const channel of this.messageHandlers.keys()) {
      const subscription = client.subscribe(namespacedSubject(this.namespace, channel), {
        queue,
        callback: this.getMessageHandler(channel).bind(this),
      });
      (this as unknown as { subscriptions: unknown[] }).subscriptions.push(subscription);
    }
  }
}
