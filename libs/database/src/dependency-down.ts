/** Postgres unreachable, restarting or shutting down: an outage to report as 503, not a bug. */
const DEPENDENCY_DOWN_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
]);

/**
 * SQLSTATE class 22: the database refused a value (a NUL in text, a number out of range),
 * not the command's timing. Retrying the same value fails the same way.
 */
export function isDataException(error: unknown): boolean {
  const code =
    (error as { driverError?: { code?: string } })?.driverError?.code ??
    (error as { code?: string })?.code;
  return typeof code === 'string' && code.startsWith('22');
}

export function isDependencyDown(error: unknown): boolean {
  const candidate = error as
    { code?: string; driverError?: { code?: string }; message?: string } | undefined;
  const code = candidate?.driverError?.code ?? candidate?.code;
  return (
    (code !== undefined && DEPENDENCY_DOWN_CODES.has(code)) ||
    /Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED/i.test(
      String(candidate?.message ?? ''),
    )
  );
}
