import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Journal } from './actors/journal.js';
import type { CheckResult } from './check/checker.js';
import { VIOLATIONS_SHOWN_PER_CHECK_MAX, type Violation } from './check/violation.js';
import type { FaultRecord } from './faults/fault-injector.js';
import type { SimOptions } from './options.js';
import type { UnplannedExit } from './world/service-process.js';

export interface RunReport {
  seed: number;
  options: SimOptions;
  replay: string;
  load_s: number;
  rest_s: number;
  operations: ReturnType<Journal['tally']>;
  /** Refusals and unknown answers by command kind and code. */
  codes: ReturnType<Journal['codes']>;
  faults: { total: number; byKind: Record<string, number>; records: FaultRecord[] };
  unplannedExits: UnplannedExit[];
  check?: Omit<CheckResult, 'violations'>;
  violations: Violation[];
}

export function replayCommand(options: SimOptions): string {
  return `npm run sim -- --seed ${options.seed} --duration-s ${options.duration_s} --faults ${options.faults ? 'on' : 'off'} --replicas ${options.replicas}`;
}

export function printReport(report: RunReport, say: (line: string) => void): void {
  say('');
  say(`operations (ok / refused / unknown), ${report.load_s} s of load:`);
  for (const [actorKind, kinds] of Object.entries(report.operations)) {
    const parts = Object.entries(kinds).map(
      ([kind, c]) => `${kind} ${c.ok}/${c.refused}/${c.unknown}`,
    );
    say(`  ${actorKind.padEnd(12)} ${parts.join(', ')}`);
  }
  const codes = Object.entries(report.codes)
    .map(
      ([kind, byCode]) =>
        `${kind} ${Object.entries(byCode)
          .map(([c, n]) => `${c} ${n}`)
          .join(' ')}`,
    )
    .join('; ');
  if (codes) say(`  not ok: ${codes}`);
  const byKind = Object.entries(report.faults.byKind)
    .map(([kind, count]) => `${kind} ${count}`)
    .join(', ');
  say(`faults injected: ${report.faults.total}${byKind ? ` (${byKind})` : ''}`);
  if (report.unplannedExits.length > 0)
    say(
      `replicas that exited by themselves: ${report.unplannedExits.map((e) => `${e.process} (${e.signal ?? `code ${e.code}`})`).join(', ')}`,
    );
  if (report.check) {
    say(
      `came to rest in ${report.rest_s} s; holds by status: ${JSON.stringify(report.check.holds)}`,
    );
    const { orders } = report.check;
    say(
      `orders: ${orders.total} (${orders.cancelled} cancelled); fulfilments by status: ${JSON.stringify(orders.fulfilments)}`,
    );
    say(`returns by status: ${JSON.stringify(report.check.returns)}`);
    if (report.check.discrepancies.length > 0)
      say(
        `fulfilments that left after a count had released their hold (routing counts these by design): ${report.check.discrepancies.map((d) => d.fulfilment).join(', ')}`,
      );
    say(
      `events: ${report.check.events.streamMessages} in the stream, ${report.check.events.outboxRows} outbox rows (${report.check.events.outboxSchemas.join(', ')})`,
    );
    say(
      'books per SKU (receipts − shipped − written off ± counts ± adjustments + returned = on hand + in transit + quarantine):',
    );
    for (const b of report.check.books)
      say(
        `  ${b.sku}  ${b.receipts} − ${b.shipped} − ${b.writtenOff} ${sign(b.counts)} ${sign(b.adjustments)} + ${b.returned} = ${b.expected}  |  ${b.onHand} + ${b.inTransit} + ${b.quarantine}`,
      );
  }
  say('');
  if (report.violations.length === 0) {
    say(`no violations. seed ${report.seed}`);
    return;
  }
  const byCheck = new Map<string, Violation[]>();
  for (const violation of report.violations) {
    const list = byCheck.get(violation.check) ?? [];
    list.push(violation);
    byCheck.set(violation.check, list);
  }
  say(`${report.violations.length} VIOLATIONS, seed ${report.seed}:`);
  for (const [check, list] of byCheck) {
    say(`  ${check} (${list.length}):`);
    for (const violation of list.slice(0, VIOLATIONS_SHOWN_PER_CHECK_MAX)) {
      say(`    - ${violation.message}`);
      if (violation.details) say(`      ${JSON.stringify(violation.details).slice(0, 600)}`);
    }
    if (list.length > VIOLATIONS_SHOWN_PER_CHECK_MAX)
      say(`    … ${list.length - VIOLATIONS_SHOWN_PER_CHECK_MAX} more in the report file`);
  }
  say(`replay: ${report.replay}`);
}

const sign = (n: number) => (n < 0 ? `− ${-n}` : `+ ${n}`);

export function writeReport(outDir: string, report: RunReport): string {
  mkdirSync(outDir, { recursive: true });
  const path = join(outDir, 'report.json');
  writeFileSync(path, JSON.stringify(report, null, 2));
  return path;
}

/** What every actor was told, one command a line: the evidence behind a failing run. */
export function writeJournal(outDir: string, journal: Journal): string {
  mkdirSync(outDir, { recursive: true });
  const path = join(outDir, 'journal.jsonl');
  writeFileSync(path, journal.entries.map((entry) => JSON.stringify(entry)).join('\n') + '\n');
  return path;
}
