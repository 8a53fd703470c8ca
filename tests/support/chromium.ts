// Headless Chromium for specs that look at a page: Debian's /usr/bin/chromium (CHROMIUM_PATH
// overrides), driven by playwright-core. Where none is installed a spec skips with the reason,
// except in CI, where .ci/run installs it and its absence is a failure.
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const inCi = process.env.CI === 'true' || process.env.CI === '1';

/** Why a browser spec cannot run here, or undefined when it can. */
export function chromiumMissing(): string | undefined {
  if (existsSync(chromiumPath)) return undefined;
  const reason = `no Chromium at ${chromiumPath} (apt-get install chromium, or set CHROMIUM_PATH)`;
  if (inCi) throw new Error(`${reason}: CI must install it (.ci/run)`);
  return reason;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    // No background networking: this machine's network is closed, and a page must work offline.
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
