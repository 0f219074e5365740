import { BenchEnvironment } from './environment.js';
import { checkOversell, type OversellCheck } from './oversell-check.js';
import { readOptions } from './options.js';
import { figures, machine, printTable, writeJson, type ScenarioFigures } from './report.js';
import { availabilityBody, availabilityQueries } from './scenarios/availability.js';
import { echoBaseline } from './scenarios/echo.js';
import { holdBody, shoppers } from './scenarios/holds.js';
import { benchLocationCode, receive, reconcileDrift, seedReference } from './scenarios/seed.js';
import { round } from './stats.js';

/**
 * One run, one machine, one set of ratios: every figure is set against the raw NATS echo
 * measured in the same run with the same client, concurrency and request size, so a noisy
 * or slow box moves both sides together.
 */
const options = readOptions(process.argv.slice(2));
const SPREAD_SKUS = 1_000;
const AVAILABILITY_SKUS = 50;
const AVAILABILITY_LOCATIONS = 200;
const WARM_UP_S = 2;

const env = await BenchEnvironment.create({
  adminDatabaseUrl: options.admin_database_url,
  natsUrl: options.nats_url,
  ledgerReplicas: options.replicas,
});
const rows: ScenarioFigures[] = [];
const ratios: Record<string, number | string> = {};
const checks: Record<string, OversellCheck> = {};
try {
  await env.startEcho();
  await env.startLedger();
  const hub = benchLocationCode(1);
  const spreadSkus = Array.from({ length: SPREAD_SKUS }, (_, i) => `SPREAD-${i}`);
  const availabilitySkus = Array.from({ length: AVAILABILITY_SKUS }, (_, i) => `AVAIL-${i}`);
  await seedReference(env.client, AVAILABILITY_LOCATIONS, [
    'WARM',
    'FLASH',
    ...spreadSkus,
    ...availabilitySkus,
  ]);

  const holdSizedBody = holdBody('bench-echo-0-0', 'FLASH', hub);
  await echoBaseline(env.client, options.concurrency, WARM_UP_S, holdSizedBody);
  const echo = figures(
    'echo (baseline)',
    options.concurrency,
    await echoBaseline(env.client, options.concurrency, options.duration_s, holdSizedBody),
  );
  rows.push(echo);

  if (options.scenarios.has('flash') || options.scenarios.has('spread')) {
    // Warm-up on its own SKU, which also sizes the sale: enough stock to last flash_sale_s_min at the warm rate.
    await receive(env.client, hub, ['WARM'], 10_000_000);
    const warm = figures(
      'warm-up',
      options.concurrency,
      await shoppers(env.client, {
        concurrency: options.concurrency,
        duration_s: WARM_UP_S,
        run: 'warm',
        location: hub,
        skuFor: () => 'WARM',
      }),
    );
    const stock = Math.ceil(warm.per_s * (options.flash_sale_s_min + 2));

    if (options.scenarios.has('flash')) {
      await receive(env.client, hub, ['FLASH'], stock);
      const sale = await shoppers(env.client, {
        concurrency: options.concurrency,
        duration_s: 60,
        run: 'flash',
        location: hub,
        skuFor: () => 'FLASH',
      });
      const flash = figures('flash sale, 1 hot SKU', options.concurrency, sale);
      rows.push(flash);
      ratios['flash sale holds/s ÷ echo req/s (≥ 0.5)'] = round(flash.per_s / echo.per_s);
      ratios['flash sale sold out'] =
        sale.ok === stock
          ? `yes, ${stock} units in ${flash.elapsed_s} s`
          : `no: ${sale.ok} of ${stock}`;
      checks.flash = await checkOversell(
        env.databaseUrl,
        ['FLASH'],
        sale.ok,
        stock,
        await reconcileDrift(env.client),
      );
    }
    if (options.scenarios.has('spread')) {
      await receive(env.client, hub, spreadSkus, Math.ceil(stock / SPREAD_SKUS) * 4 + 100);
      const spread = figures(
        `spread over ${SPREAD_SKUS} SKUs`,
        options.concurrency,
        await shoppers(env.client, {
          concurrency: options.concurrency,
          duration_s: options.duration_s,
          run: 'spread',
          location: hub,
          skuFor: (worker, i) => spreadSkus[(worker * 7919 + i * 104_729) % SPREAD_SKUS]!,
        }),
      );
      rows.push(spread);
      ratios[`spread holds/s ÷ echo req/s (≥ 0.6)`] = round(spread.per_s / echo.per_s);
      checks.spread = await checkOversell(
        env.databaseUrl,
        spreadSkus,
        spread.ok,
        Number.MAX_SAFE_INTEGER,
        await reconcileDrift(env.client),
      );
    }
  }

  if (options.scenarios.has('availability')) {
    for (let i = 1; i <= AVAILABILITY_LOCATIONS; i++)
      await receive(env.client, benchLocationCode(i), availabilitySkus, 100 + i);
    const body = availabilityBody(availabilitySkus);
    const availabilityEcho = figures(
      'echo (availability request size)',
      options.availability_concurrency,
      await echoBaseline(env.client, options.availability_concurrency, options.duration_s, body),
    );
    await availabilityQueries(
      env.client,
      options.availability_concurrency,
      WARM_UP_S,
      availabilitySkus,
    );
    const availability = figures(
      `availability ${AVAILABILITY_SKUS} SKUs × ${AVAILABILITY_LOCATIONS} locations`,
      options.availability_concurrency,
      await availabilityQueries(
        env.client,
        options.availability_concurrency,
        options.duration_s,
        availabilitySkus,
      ),
    );
    rows.push(availabilityEcho, availability);
    ratios['availability p99 ÷ echo p99 (≤ 5)'] = round(
      availability.latency.p99_ms / Math.max(availabilityEcho.latency.p99_ms, 0.001),
    );
  }

  for (const [name, check] of Object.entries(checks)) {
    ratios[`oversell check, ${name}`] = check.passed
      ? `passed: ${check.succeeded} holds = ${check.reserved} reserved, no negative balance, no drift`
      : `FAILED: ${JSON.stringify(check)}`;
  }
  printTable(rows, ratios);
  const report = {
    machine: machine(),
    options: { ...options, scenarios: [...options.scenarios] },
    scenarios: rows,
    ratios,
    checks,
  };
  writeJson(options.json_out, report);
  console.log(`\nJSON: ${options.json_out}`);
  console.log(JSON.stringify({ ratios, checks }));
  if (Object.values(checks).some((check) => !check.passed)) process.exitCode = 1;
} finally {
  await env.dispose();
}
