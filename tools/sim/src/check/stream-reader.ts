import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';

export interface StreamMessage {
  seq: number;
  subject: string;
  messageId: string | undefined;
  payload: any;
}

const FETCH_BATCH_MAX = 1_000;
const FETCH_EXPIRES_MS = 2_000;

/** Every message of a stream, read with an ordered consumer from the first one on. */
export async function readStream(
  connection: NatsConnection,
  stream: string,
): Promise<{
  messages: StreamMessage[];
  state: { messages: number; first_seq: number; last_seq: number };
}> {
  const manager = await jetstreamManager(connection);
  const info = await manager.streams.info(stream);
  const total = info.state.messages;
  const consumer = await jetstream(connection).consumers.get(stream);
  const messages: StreamMessage[] = [];
  let lastSeq = 0;
  while (lastSeq < info.state.last_seq && messages.length < total) {
    const batch = await consumer.fetch({
      max_messages: Math.min(FETCH_BATCH_MAX, total - messages.length),
      expires: FETCH_EXPIRES_MS,
    });
    let got = 0;
    for await (const message of batch) {
      got++;
      lastSeq = message.seq;
      let payload: unknown;
      try {
        payload = message.json();
      } catch {
        payload = undefined;
      }
      messages.push({
        seq: message.seq,
        subject: message.subject,
        messageId: message.headers?.get('Nats-Msg-Id') || undefined,
        payload,
      });
    }
    if (got === 0) break;
  }
  const { first_seq, last_seq } = info.state;
  return { messages, state: { messages: total, first_seq, last_seq } };
}
