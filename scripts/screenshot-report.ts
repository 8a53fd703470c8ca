// Proves an HTML report renders offline and fits: opens it in headless Chromium at 900 and
// 1400 px with every network request refused, checks that it does not scroll sideways, that
// every chart has drawn and that a hover shows values, and saves a screenshot per width.
// `npx tsx scripts/screenshot-report.ts out/run.html [out/run]` → out/run-900.png, out/run-1400.png
// (Chromium at /usr/bin/chromium, or CHROMIUM_PATH).
import { resolve } from 'node:path';
import { launchChromium } from '../tests/support/chromium.ts';
import { viewReport } from '../tests/support/report-page.ts';

const [htmlArg, pngArg] = process.argv.slice(2);
if (!htmlArg) {
  console.error('usage: screenshot-report.ts <report.html> [screenshot prefix]');
  process.exit(2);
}
const html = resolve(htmlArg);
const prefix = resolve(pngArg ?? html.replace(/\.html?$/, ''));

const browser = await launchChromium();
try {
  for (const width of [900, 1400]) {
    const png = `${prefix}-${width}.png`;
    const view = await viewReport(browser, html, width, png);
    const blank = Object.entries(view.painted).filter(([, n]) => n === 0);
    const hovered = Object.values(view.hover)
      .flat()
      .filter((v) => /\d/.test(v)).length;
    console.log(
      `${png}: scroll width ${view.scrollWidth} px, ${Object.keys(view.painted).length} charts ` +
        `(${blank.length} blank), ${hovered} values on hover, ${view.tableRows} table rows`,
    );
    const problems = [
      ...(view.scrollWidth > width ? [`scrolls sideways (${view.scrollWidth} px)`] : []),
      ...(Object.keys(view.painted).length === 0 ? ['no charts'] : []),
      ...blank.map(([id]) => `chart ${id} is blank`),
      ...(hovered === 0 ? ['a hover shows no value'] : []),
      ...view.refused.map((url) => `requested ${url}`),
      ...view.errors.map((message) => `script error: ${message}`),
    ];
    if (problems.length > 0) {
      console.error(`  not right at ${width} px: ${problems.join('; ')}`);
      process.exitCode = 1;
    }
  }
} finally {
  await browser.close();
}
