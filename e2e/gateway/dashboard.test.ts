import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { GatewayWorld } from './support/gateway-world.js';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SERVICES = ['ledger', 'routing', 'promise', 'returns', 'gateway'];
const RED = 'rgb(198, 40, 40)';

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(
    `dashboard browser test skipped: ${CHROMIUM} is absent (apt-get install -y chromium)`,
  );
}
const describeWithBrowser = hasChromium ? describe : describe.skip;

/** The on-call page in real headless Chromium: it loads, shows every service, and turns a stopped one red. */
describeWithBrowser('dashboard in a browser', () => {
  let w: GatewayWorld;
  let browser: Browser;
  let page: Page;
  let ops: string;

  beforeAll(async () => {
    w = await GatewayWorld.create('gw_dashboard');
    ops = await w.makeKey(['ops']);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await w?.dispose();
  });

  const statusOf = (service: string) =>
    page.locator(`[data-service="${service}"]`).getAttribute('data-status');

  it('asks for a key when it has none, and refuses a key without the ops scope', async () => {
    await page.goto(`${w.url}/dashboard`);
    await page.locator('#login').waitFor({ state: 'visible' });
    const storefront = await w.makeKey(['storefront']);
    await page.fill('#key', storefront);
    await page.click('#login button');
    await page.locator('#message', { hasText: '403' }).waitFor();
  });

  it('loads with a key in its fragment, shows every service up, and drops the key from the address bar', async () => {
    await page.goto(`${w.url}/dashboard#key=${ops}`);
    for (const service of SERVICES) {
      await page
        .locator(`[data-service="${service}"][data-status="ok"]`)
        .waitFor({ timeout: 10_000 });
    }
    expect(await page.locator('[data-service]').count()).toBe(SERVICES.length);
    expect(page.url()).toBe(`${w.url}/dashboard`);
    await page.locator('#overall', { hasText: 'all up' }).waitFor();
    const ledger = page.locator('[data-service="ledger"]');
    await expect(ledger.textContent()).resolves.toMatch(/latency[\d.]+ ms/);
    await expect(ledger.textContent()).resolves.toContain('holds/s');
  });

  it('computes rates between refreshes and lists recent errors', async () => {
    const storefront = await w.makeKey(['storefront']);
    await w.http('GET', '/v1/availability?skus=&channel=web', { key: storefront });
    await page.locator('#errors tr', { hasText: 'VALIDATION_FAILED' }).waitFor({ timeout: 10_000 });
    await page
      .locator('[data-service="gateway"] dd', { hasText: /^\d+\.\d$/ })
      .first()
      .waitFor({ timeout: 10_000 });
  });

  it('turns a stopped service red within a refresh or two', async () => {
    await w.stopService('routing');
    const routing = page.locator('[data-service="routing"][data-status="down"]');
    await routing.waitFor({ timeout: 10_000 });
    expect(
      await routing.evaluate(
        (node) =>
          (
            globalThis as unknown as { getComputedStyle(n: unknown): { borderLeftColor: string } }
          ).getComputedStyle(node).borderLeftColor,
      ),
    ).toBe(RED);
    await expect(routing.locator('.badge').textContent()).resolves.toBe('down');
    await page.locator('#overall', { hasText: '1 down' }).waitFor();
    expect(await statusOf('ledger')).toBe('ok');
  });
});
