import type { ServiceRuntime } from '@omnistock/service-kit';
import { Gauge } from 'prom-client';
import { KEPT_RATE_GROUPS, keptRateBy } from './kept-rate.js';

/**
 * Kept-rate as Prometheus sees it, read from the outcomes table at scrape time: every
 * replica reports the same truth, and a restart loses nothing.
 */
export function registerOutcomeMetrics(runtime: ServiceRuntime): void {
  const registers = [runtime.metrics.registry];
  const outcomes = new Gauge({
    name: 'omnistock_promise_outcomes',
    help: 'Measured promises by group (carrier, service_level, location, cutoff) and outcome (early, on_time, late).',
    labelNames: ['group', 'key', 'outcome'],
    registers,
    collect: () => refresh(),
  });
  const ratio = new Gauge({
    name: 'omnistock_promise_kept_ratio',
    help: 'Share of measured promises kept (delivered or ready by the end of their window), by group.',
    labelNames: ['group', 'key'],
    registers,
    collect: () => refresh(),
  });

  // The registry collects its metrics concurrently: both gauges share one read per scrape.
  let refreshing: Promise<void> | undefined;
  const load = async () => {
    const byGroup = await Promise.all(
      KEPT_RATE_GROUPS.map(async (group) => ({
        group,
        rows: await keptRateBy(runtime.dataSource, group),
      })),
    );
    ratio.reset();
    outcomes.reset();
    for (const { group, rows } of byGroup) {
      for (const row of rows) {
        ratio.set({ group, key: row.key }, row.keptRate);
        outcomes.set({ group, key: row.key, outcome: 'early' }, row.early);
        outcomes.set({ group, key: row.key, outcome: 'on_time' }, row.onTime);
        outcomes.set({ group, key: row.key, outcome: 'late' }, row.late);
      }
    }
  };
  // A database hiccup must not take the whole scrape down: the last figures stay, and it is logged.
  const refresh = () =>
    (refreshing ??= load()
      .catch((error: unknown) =>
        runtime.logger.warn({ err: error }, 'promise metrics not refreshed'),
      )
      .finally(() => {
        refreshing = undefined;
      }));
}
