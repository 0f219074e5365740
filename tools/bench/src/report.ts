import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { round, summarise, type LatencySummary } from './stats.js';
import type { LoadResult } from './load.js';

export interface ScenarioFigures {
  name: string;
  concurrency: number;
  ok: number;
  failed: number;
  elapsed_s: number;
  per_s: number;
  latency: LatencySummary;
  failures: Record<string, number>;
}

export function figures(name: string, concurrency: number, result: LoadResult): ScenarioFigures {
  return {
    name,
    concurrency,
    ok: result.ok,
    failed: result.failed,
    elapsed_s: round(result.elapsed_s),
    per_s: round(result.ok / Math.max(result.elapsed_s, 1e-9), 1),
    latency: summarise(result.samples_ms),
    failures: result.failures,
  };
}

export function machine() {
  return {
    cpus: os.cpus().length,
    cpu_model: os.cpus()[0]?.model ?? 'unknown',
    memory_gib: round(os.totalmem() / 1024 ** 3, 1),
    node: process.version,
    date: new Date().toISOString(),
  };
}

export function printTable(rows: ScenarioFigures[], ratios: Record<string, number | string>): void {
  const header = ['scenario', 'conc', 'ok', 'per_s', 'p50_ms', 'p99_ms', 'failures'];
  const lines = rows.map((row) => [
    row.name,
    String(row.concurrency),
    String(row.ok),
    String(row.per_s),
    String(row.latency.p50_ms),
    String(row.latency.p99_ms),
    Object.entries(row.failures)
      .map(([code, count]) => `${code}:${count}`)
      .join(' ') || '-',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ');
  console.log(format(header));
  for (const line of lines) console.log(format(line));
  console.log('');
  for (const [name, value] of Object.entries(ratios)) console.log(`${name.padEnd(44)} ${value}`);
}

export function writeJson(path: string, report: unknown): void {
  mkdirSync(path.replace(/\/[^/]+$/, ''), { recursive: true });
  writeFileSync(path, JSON.stringify(report, null, 2));
}
