// Proves an HTML report renders offline: opens it in headless Chromium with every network
// request refused, fails if the page asked for anything but itself, and saves a screenshot.
// `npx tsx scripts/screenshot-report.ts out/run.html [out/run.png]` (Chromium at /usr/bin/chromium).
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from '../tests/support/chromium.ts';

const [htmlArg, pngArg] = process.argv.slice(2);
if (!htmlArg) {
  console.error('usage: screenshot-report.ts <report.html> [screenshot.png]');
  process.exit(2);
}
const html = resolve(htmlArg);
const png = resolve(pngArg ?? `${html.replace(/\.html?$/, '')}.png`);
const pageUrl = pathToFileURL(html).href;

const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const refused: string[] = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url === pageUrl) return route.continue();
    refused.push(url);
    return route.abort();
  });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(pageUrl, { waitUntil: 'load' });
  const charts = await page.locator('svg path').count();
  const rows = await page.locator('table tr').count();
  await page.screenshot({ path: png, fullPage: true });
  console.log(`${png}: ${charts} chart lines, ${rows} table rows`);
  if (refused.length > 0 || errors.length > 0 || charts === 0) {
    console.error(
      `not self-contained or broken: requests ${refused.join(', ') || 'none'}; errors ${errors.join('; ') || 'none'}`,
    );
    process.exitCode = 1;
  }
} finally {
  await browser.close();
}
