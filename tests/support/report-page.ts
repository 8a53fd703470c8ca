// Looks at an HTML report the way a reader does, in headless Chromium: offline (every request
// but the page itself refused), at a given window width. Says whether the page scrolls
// sideways, whether each chart's canvas has anything drawn, and what a hover shows. Used by
// the report spec and by scripts/screenshot-report.ts.
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';

export interface ReportPageView {
  width: number;
  /** document.documentElement.scrollWidth: above `width` the page scrolls sideways. */
  scrollWidth: number;
  /** Per chart (data-chart id): pixels of its canvas that are not blank. */
  painted: Record<string, number>;
  /** Per chart: its legend's values after hovering the middle of the first chart. */
  hover: Record<string, string[]>;
  /** Per chart: its x range ("min max", s) before and after dragging across the first chart. */
  zoom: { before: Record<string, string>; after: Record<string, string> };
  tableRows: number;
  /** Requests the page made for anything but itself (refused). */
  refused: string[];
  errors: string[];
}

/** Opens `htmlFile` at `width` px, hovers the first chart, optionally saves a screenshot. */
export async function viewReport(
  browser: Browser,
  htmlFile: string,
  width: number,
  screenshot?: string,
): Promise<ReportPageView> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  try {
    const url = pathToFileURL(htmlFile).href;
    const refused: string[] = [];
    await page.route('**/*', (route) => {
      if (route.request().url() === url) return route.continue();
      refused.push(route.request().url());
      return route.abort();
    });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url, { waitUntil: 'load' });
    const painted = await page.evaluate(`(() => {
      const out = {};
      for (const figure of document.querySelectorAll('figure.chart')) {
        const canvas = figure.querySelector('canvas');
        const context = canvas && canvas.getContext('2d');
        if (!context) { out[figure.dataset.chart] = 0; continue; }
        const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
        let n = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) n++;
        out[figure.dataset.chart] = n;
      }
      return out;
    })()`);
    const over = page.locator('figure.chart .u-over').first();
    const hover: Record<string, string[]> = {};
    if ((await over.count()) > 0) {
      const box = (await over.boundingBox())!;
      await over.scrollIntoViewIfNeeded();
      await over.hover({ position: { x: box.width / 2, y: box.height / 2 } });
      Object.assign(
        hover,
        await page.evaluate(`(() => {
          const out = {};
          for (const figure of document.querySelectorAll('figure.chart')) {
            out[figure.dataset.chart] = [...figure.querySelectorAll('.u-legend .u-series .u-value')]
              .map((cell) => cell.textContent);
          }
          return out;
        })()`),
      );
    }
    const ranges = () =>
      page.evaluate(`Object.fromEntries([...document.querySelectorAll('figure.chart')]
        .map((figure) => [figure.dataset.chart, figure.dataset.xRange]))`) as Promise<
        Record<string, string>
      >;
    const zoom = { before: await ranges(), after: {} as Record<string, string> };
    if ((await over.count()) > 0) {
      const box = (await over.boundingBox())!;
      await page.mouse.move(box.x + box.width * 0.25, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * 0.75, box.y + box.height / 2, { steps: 5 });
      await page.mouse.up();
      zoom.after = await ranges();
      await over.dblclick({ position: { x: box.width / 2, y: box.height / 2 } });
    }
    const scrollWidth = (await page.evaluate('document.documentElement.scrollWidth')) as number;
    const tableRows = await page.locator('table tr').count();
    if (screenshot) {
      await page.screenshot({ path: screenshot, fullPage: true });
    }
    return {
      width,
      scrollWidth,
      painted: painted as Record<string, number>,
      hover,
      zoom,
      tableRows,
      refused,
      errors,
    };
  } finally {
    await page.close();
  }
}
