import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * One JSON line per event, with the service and instance on every line; request handlers
 * log through a child carrying the request id so a gateway call can be followed across
 * services. Keys and passwords never reach a log line: the redact list blanks them.
 */
export function createLogger(
  service: string,
  instance: string,
  level = 'info',
  destination?: DestinationStream,
): Logger {
  const options = {
    level,
    base: { service, instance },
    redact: {
      paths: [
        '*.password',
        '*.key',
        '*.apiKey',
        '*.pass',
        '*.natsPassword',
        '*.authorization',
        'headers.authorization',
        'config.databaseUrl',
        'config.natsAuth',
      ],
      censor: '[redacted]',
    },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return destination ? pino(options, destination) : pino(options);
}
