/**
 * An optional prefix on every subject and on the stream name. Production leaves it empty;
 * each test suite sets its own so that suites running side by side on one NATS server
 * never answer each other's requests or read each other's events.
 */
const NAMESPACE_PATTERN = /^[a-z0-9_-]{1,32}$/;

export function assertNamespace(namespace: string): void {
  if (namespace !== '' && !NAMESPACE_PATTERN.test(namespace)) {
    throw new Error(
      `invalid NATS namespace "${namespace}": lowercase letters, digits, _ and -, 32 at most`,
    );
  }
}

export function namespacedSubject(namespace: string, subject: string): string {
  return namespace ? `${namespace}.${subject}` : subject;
}

export function namespacedStreamName(namespace: string, name: string): string {
  return namespace ? `${name}_${namespace.replaceAll('-', '_').toUpperCase()}` : name;
}
