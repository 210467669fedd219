/**
 * Headless Chromium for the HTML report tests: Debian's `chromium` (installed by .ci/run) driven by
 * playwright-core with the system executable. Outside CI a machine without it skips those tests
 * (with a warning); in CI (`CI` set) they run and fail, so a missing install cannot pass silently.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.AIGIS_CHROMIUM ?? '/usr/bin/chromium';
export const browserAvailable = existsSync(CHROMIUM);
export const runBrowserTests = browserAvailable || Boolean(process.env.CI);
if (!runBrowserTests) console.warn(`${CHROMIUM} is not installed (see .ci/run): the browser tests are skipped`);

export function launchChromium(): Promise<Browser> {
  // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
}
