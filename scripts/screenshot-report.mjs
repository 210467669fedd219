/**
 * Makes docs/img/html-report.png: the HTML report of the bundled example (examples/ai-lab), as the
 * built CLI writes it, opened in headless Chromium (Debian's `chromium`, driven by playwright-core).
 *
 *   npm run build && node scripts/screenshot-report.mjs [--out docs/img/html-report.png] [--full]
 *
 * The page is clipped to its first screenful unless --full; the date line is whatever the scan says.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const outArg = args.indexOf('--out');
const out = path.resolve(ROOT, outArg >= 0 ? args[outArg + 1] : 'docs/img/html-report.png');
const full = args.includes('--full');
const executablePath = process.env.AIGIS_CHROMIUM ?? '/usr/bin/chromium';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'aigis-shot-'));
try {
  const report = path.join(tmp, 'report.html');
  // Exit 1 only means findings at --fail-on; none is given, so any non-zero exit is an error.
  execFileSync(process.execPath, [path.join(ROOT, 'dist/cli/main.js'), 'scan', 'examples/ai-lab', '--format', 'html', '--output', report, '--quiet'], { cwd: ROOT, stdio: 'inherit' });
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1360, height: 1500 }, deviceScaleFactor: 1 });
    const requests = [];
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) requests.push(r.url());
    });
    await page.goto(pathToFileURL(report).href, { waitUntil: 'load' });
    if (requests.length) throw new Error(`the report made requests: ${requests.join(', ')}`);
    mkdirSync(path.dirname(out), { recursive: true });
    await page.screenshot({ path: out, fullPage: full });
    console.log(`wrote ${path.relative(ROOT, out)}`);
  } finally {
    await browser.close();
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
