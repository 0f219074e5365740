import {
  AckPolicy,
  DeliverPolicy,
  jetstream,
  jetstreamManager,
  type ConsumerMessages,
  type JsMsg,
} from '@nats-io/jetstream';
import { headers as natsHeaders, type NatsConnection } from '@nats-io/transport-node';
import { DEAD_LETTER_STREAM } from '@omnistock/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { inTransaction } from '@omnistock/database';
import { claimInboxMessage } from './inbox.js';
import { namespacedSubject } from './namespace.js';
import { eventStreamName } from './stream.js';

export interface EventConsumerOptions {
  connection: NatsConnection;
  dataSource: DataSource;
  namespace: string;
  /** Durable name, shared by the replicas of one service so each event goes to one of them. */
  durable: string;
  subjects: string[];
  handle: (manager: EntityManager, subject: string, payload: unknown) => Promise<void>;
  ack_wait_ms?: number;
  /** Deliveries of one event before it goes to the dead-letter stream instead. */
  deliveries_max?: number;
  onError?: (error: unknown) => void;
  /** Called once per event set aside, so the service can count it where on-call sees it. */
  onDeadLetter?: (subject: string, error: unknown) => void;
}

export const EVENT_DELIVERIES_MAX = 20;
const DEAD_LETTER_ATTEMPTS_MAX = 5;
/** A dead letter keeps why it failed, cut short: an error message may be a whole stack. */
const DEAD_LETTER_ERROR_LENGTH_MAX = 500;

/**
 * A durable JetStream consumer whose handler runs in a transaction together with the inbox
 * row for the message id: a redelivery (late ack, crash before ack) finds the row and only
 * acknowledges.
 */
export class IdempotentEventConsumer {
  private messages: ConsumerMessages | undefined;
  private done: Promise<void> | undefined;

  constructor(private readonly options: EventConsumerOptions) {}

  async start(): Promise<void> {
    const { connection, namespace, durable } = this.options;
    const stream = eventStreamName(namespace);
    const manager = await jetstreamManager(connection);
    await manager.consumers.add(stream, {
      durable_name: durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      // One subject goes as `filter_subject`: `filter_subjects` needs nats-server 2.10, and
      // Debian's (as on CI) is 2.9.
      ...(this.options.subjects.length === 1
        ? { filter_subject: namespacedSubject(namespace, this.options.subjects[0]!) }
        : {
            filter_subjects: this.options.subjects.map((subject) =>
              namespacedSubject(namespace, subject),
            ),
          }),
      ack_wait: (this.options.ack_wait_ms ?? 30_000) * 1e6,
      // Room past the last attempt to apply: a dead-letter publish that fails is tried again.
      max_deliver: (this.options.deliveries_max ?? EVENT_DELIVERIES_MAX) + DEAD_LETTER_ATTEMPTS_MAX,
    });
    const consumer = await jetstream(connection).consumers.get(stream, durable);
    this.messages = await consumer.consume({ max_messages: 100 });
    this.done = this.pump(this.messages);
  }

  async stop(): Promise<void> {
    await this.messages?.close();
    await this.done;
  }

  private async pump(messages: ConsumerMessages): Promise<void> {
    for await (const message of messages) {
      try {
        await this.apply(message);
        message.ack();
      } catch (error) {
        this.options.onError?.(error);
        if (message.info.deliveryCount >= (this.options.deliveries_max ?? EVENT_DELIVERIES_MAX))
          await this.deadLetter(message, error);
        else message.nak(1_000);
      }
    }
  }

  /**
   * The last delivery failed too: the event goes to the dead-letter stream with why, and
   * only once it is stored there is the original let go. If that publish fails, the
   * original is delivered again and the dead-lettering tried again.
   */
  private async deadLetter(message: JsMsg, error: unknown): Promise<void> {
    const { connection, namespace, durable } = this.options;
    const headers = natsHeaders();
    headers.set('Omnistock-Subject', message.subject);
    headers.set('Omnistock-Stream-Seq', String(message.seq));
    headers.set('Omnistock-Deliveries', String(message.info.deliveryCount));
    headers.set(
      'Omnistock-Error',
      String((error as Error)?.message ?? error)
        .replace(/[\r\n]+/g, ' ')
        .slice(0, DEAD_LETTER_ERROR_LENGTH_MAX),
    );
    try {
      await jetstream(connection).publish(
        namespacedSubject(namespace, DEAD_LETTER_STREAM.subjectFor(durable)),
        message.data,
        { msgID: `${durable}:${message.info.stream}:${message.seq}`, headers },
      );
      message.term();
      this.options.onDeadLetter?.(message.subject, error);
    } catch (publishError) {
      this.options.onError?.(publishError);
      message.nak(1_000);
    }
  }

  private async apply(message: JsMsg): Promise<void> {
    const messageId =
      message.headers?.get('Nats-Msg-Id') || `${message.info.stream}:${message.seq}`;
    const subject = this.options.namespace
      ? message.subject.slice(this.options.namespace.length + 1)
      : message.subject;
    await inTransaction(this.options.dataSource, async (manager) => {
      if (!(await claimInboxMessage(manager, this.options.durable, messageId))) return;
      await this.options.handle(manager, subject, message.json());
    });
  }
}
