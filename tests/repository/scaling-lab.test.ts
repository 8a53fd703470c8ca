// `npm run lab:scaling` end to end, bounded: a tiny sweep against a real album service
// process, both fits printed, and the offline chart checked in headless Chromium.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { fitLines, sweepTable } from '../../lib/scaling/lab-report.ts';
import { repoRoot } from '../../lib/target/target.ts';
import { chromiumMissing, launchChromium } from '../support/chromium.ts';

const dir = mkdtempSync(join(tmpdir(), 'scaling-lab-'));
const html = join(dir, 'lab.html');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runLab(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', join(repoRoot, 'scripts/lab-scaling.ts'), ...args],
      { cwd: repoRoot, timeout: 60_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? ((error.code as number) ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('npm run lab:scaling', () => {
  let output = '';

  it('sweeps N = 1, 2, 4, 8 on a worker thread and fits both models', async () => {
    const args = ['--max-n', '8', '--step-time', '0.4', '--warmup', '0', '--workers', '1'];
    const { code, stdout, stderr } = await runLab([...args, '--html', html]);
    output = stdout;
    expect(code, `the lab failed:\n${stdout}\n${stderr}`).toBe(0);
    expect(stdout).toMatch(/generator on 1 worker thread/);
    for (const n of [1, 2, 4, 8]) expect(stdout).toMatch(new RegExp(`│ ${n} +│ \\d+\\.\\d`));
    expect(stdout).toMatch(/Amdahl: p = [\d.-]+/);
    expect(stdout).toMatch(/USL: λ = [\d.]+ req\/s, σ = /);
    expect(stdout).toMatch(/X·R \(≈ N\)/);
    expect(readFileSync(html, 'utf8')).toMatch(/<svg/);
  }, 70_000);

  it('says why there is no fit when a sweep has too few steps for the USL', () => {
    const steps = [1, 2].map((n) => ({
      n,
      x: 100 * n,
      meanMs: 1,
      requests: 100,
      failures: 0,
      generatorCpu: [0.5],
      generatorBound: false,
    }));
    const fitError = 'the USL needs at least 4 distinct values of N, got 2';
    expect(fitLines({ label: 'short', steps, fitError })).toEqual([`no fit: ${fitError}`]);
    expect(sweepTable({ label: 'short', steps, fitError })).toMatch(/│ 2 +│ 200\.0 +│ — /);
  });

  it('rejects a bad option with a message and the usage', async () => {
    const { code, stderr } = await runLab(['--workers', 'many']);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/thread counts from 0 to 8/);
  });

  const missing = chromiumMissing();
  it.skipIf(missing !== undefined)(
    `draws measured points and fitted curves offline, within 900 px${missing ? ` (skipped: ${missing})` : ''}`,
    async () => {
      expect(output, 'the sweep spec above must run first').not.toBe('');
      const browser = await launchChromium();
      try {
        const page = await browser.newPage({ viewport: { width: 900, height: 900 } });
        const url = pathToFileURL(html).href;
        const refused: string[] = [];
        await page.route('**/*', (route) => {
          if (route.request().url() === url) return route.continue();
          refused.push(route.request().url());
          return route.abort();
        });
        await page.goto(url, { waitUntil: 'load' });
        expect(await page.locator('svg circle').count(), 'one dot per measured step').toBe(4);
        expect(await page.locator('svg path').count(), 'the USL and Amdahl curves').toBe(2);
        expect(refused, 'the page must need nothing but itself').toEqual([]);
        const width = await page.evaluate('document.documentElement.scrollWidth');
        expect(width, 'no sideways scrolling at 900 px').toBeLessThanOrEqual(900);
        await page.screenshot({ path: join(dir, 'lab.png'), fullPage: true });
      } finally {
        await browser.close();
      }
    },
    30_000,
  );
});
