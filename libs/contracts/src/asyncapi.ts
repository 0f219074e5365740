import { allEventContracts, allRequestContracts } from './schema.js';
import { EVENT_STREAM } from './events.js';

/** The AsyncAPI document of every subject, generated from the schemas that validate. */
export function asyncApiDocument(version = '0.1.0'): Record<string, unknown> {
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  for (const contract of allRequestContracts()) {
    const key = contract.subject.replaceAll('.', '_');
    channels[key] = {
      address: contract.subject,
      description: contract.summary,
      messages: {
        request: { payload: contract.request.schema },
        reply: { payload: contract.reply },
      },
    };
    operations[key] = {
      action: 'receive',
      channel: { $ref: `#/channels/${key}` },
      reply: {
        channel: { $ref: `#/channels/${key}` },
        messages: [{ $ref: `#/channels/${key}/messages/reply` }],
      },
    };
  }
  for (const contract of allEventContracts()) {
    const address = contract.perLocation ? `${contract.subject}.{location}` : contract.subject;
    const key = contract.subject.replaceAll('.', '_');
    channels[key] = {
      address,
      description: `${contract.summary} (JetStream stream ${EVENT_STREAM.name})`,
      messages: { event: { payload: contract.payload.schema } },
    };
    operations[key] = { action: 'send', channel: { $ref: `#/channels/${key}` } };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'omnistock NATS API',
      version,
      description:
        'Request-reply subjects (JSON in, JSON or the error envelope out) and JetStream events. Replies that fail carry { error: { code, message, details } }.',
    },
    defaultContentType: 'application/json',
    channels,
    operations,
  };
}
