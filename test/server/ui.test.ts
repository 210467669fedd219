/**
 * End to end through the built CLI and a real headless browser (Debian chromium driven by
 * playwright-core): `aigis serve` from dist/, `aigis scan examples/ai-lab --upload`, then log in, see the
 * attack paths and the inventory, suppress a finding and see it counted as suppressed, with no console
 * errors (the CSP would report any inline script or style as one). Screenshots go to
 * $AIGIS_SCREENSHOTS_DIR when set (docs/img/ holds the committed ones).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIgnoreFile } from '../../src/suppress/index.js';
import { CLI, ROOT, runCli, startServe, type ServeProcess } from './cli-process.js';

const CHROMIUM = process.env.AIGIS_CHROMIUM ?? '/usr/bin/chromium';
const ADMIN = `aigis_${'e2e'.repeat(10)}-admin-token-for-tests`;
const shots = process.env.AIGIS_SCREENSHOTS_DIR;

describe('aigis serve end to end (built CLI, headless chromium)', () => {
  let server: ServeProcess;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'aigis-serve-e2e-'));
    server = await startServe(['--data-dir', path.join(dir, 'data')], { AIGIS_SERVER_ADMIN_TOKEN: ADMIN });
  });
  afterAll(async () => {
    const code = await server?.stop();
    rmSync(dir, { recursive: true, force: true });
    // Graceful shutdown: SIGTERM drains and exits 0; every log line is a JSON object, the last says so.
    expect(code).toBe(0);
    const lines = server.stderr().trim().split('\n').map((l) => JSON.parse(l) as { level: string; msg: string });
    expect(lines.some((l) => l.msg === 'request')).toBe(true);
    expect(lines.at(-1)!.msg).toBe('stopped');
  });

  it('aigis serve --help documents every setting and its environment variable', () => {
    const r = spawnSync(process.execPath, [CLI, 'serve', '--help'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    for (const flag of ['--host', '--port', '--database', '--data-dir', '--max-upload-size', '--secure-cookies', '--pool-size', '--shutdown-timeout', '--log-level']) expect(r.stdout).toContain(flag);
    for (const env of ['AIGIS_DATABASE', 'AIGIS_SERVER_ADMIN_TOKEN', 'AIGIS_TOKEN']) expect(r.stdout).toContain(env);
  });

  it('scan --upload sends the example report; the same report twice is stored once', async () => {
    const url = `${server.url}/api/v1/reports?project=ai-lab`;
    const out = path.join(dir, 'report.json');
    const r = await runCli(['scan', 'examples/ai-lab', '-f', 'json', '-o', out, '--upload', url], { env: { ...process.env, AIGIS_TOKEN: ADMIN } });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/uploaded to .* project ai-lab: report #1\n/);
    // A retried upload (the same bytes: -o wrote exactly what was sent) is stored once.
    const again = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${ADMIN}` }, body: readFileSync(out, 'utf8') });
    expect(await again.json()).toMatchObject({ reportId: 1, duplicate: true });
    const noToken = await runCli(['scan', 'examples/ai-lab', '-q', '-o', path.join(dir, 'not-written.txt'), '--upload', url], { env: { ...process.env, AIGIS_TOKEN: '' } });
    expect(noToken.status).toBe(2);
    expect(noToken.stderr).toContain('AIGIS_TOKEN');
    expect(existsSync(path.join(dir, 'not-written.txt'))).toBe(false);
    // The example's scan finds attack paths (src/paths): the dashboard shows them from the real report.
    expect(JSON.parse(readFileSync(out, 'utf8')).paths.items.length).toBeGreaterThan(0);
  });

  it('detect --upload and the falcosidekick webhook add runtime alerts; bom --upload adds inventory', async () => {
    const env = { ...process.env, AIGIS_TOKEN: ADMIN };
    const detect = await runCli(['detect', 'examples/ai-lab/logs', '-f', 'json', '-o', path.join(dir, 'alerts.json'), '--upload', `${server.url}/api/v1/reports?project=ai-lab-runtime`], { env });
    expect([0, 1], detect.stderr).toContain(detect.status);
    expect(detect.stderr).toMatch(/uploaded to .* project ai-lab-runtime/);
    const fired = JSON.parse(readFileSync(path.join(dir, 'alerts.json'), 'utf8')).findings.length;
    expect(fired).toBeGreaterThan(0);
    const falco = readFileSync(path.join(ROOT, 'examples/ai-lab/logs/falco.jsonl'), 'utf8').split('\n').find((l) => l.includes('"rule"'))!;
    const hook = await fetch(`${server.url}/api/v1/alerts/falco?project=cluster-a`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN}` }, body: falco });
    expect(hook.status).toBe(201);
    const alerts = (await (await fetch(`${server.url}/api/v1/alerts?limit=1000`, { headers: { authorization: `Bearer ${ADMIN}` } })).json()) as { source: string }[];
    expect(alerts.filter((a) => a.source === 'aigis-detect')).toHaveLength(fired);
    expect(alerts.filter((a) => a.source === 'falco')).toHaveLength(1);
    const bom = await runCli(['bom', 'examples/ai-lab', '-q', '-f', 'json', '-o', path.join(dir, 'bom.json'), '--upload', `${server.url}/api/v1/reports?project=ai-lab-bom`], { env });
    expect(bom.status, bom.stderr).toBe(0);
    const inv = (await (await fetch(`${server.url}/api/v1/inventory?q=bedrock`, { headers: { authorization: `Bearer ${ADMIN}` } })).json()) as { project: string }[];
    expect(inv.some((a) => a.project === 'ai-lab-bom')).toBe(true);
  });

  it('logs in, shows paths and inventory, suppresses a finding and counts it suppressed, without console errors', async () => {
    expect(existsSync(CHROMIUM), `${CHROMIUM} missing: apt-get install -y chromium`).toBe(true);
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'] });
    const problems: string[] = [];
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
      const snap = async (name: string) => {
        if (!shots) return;
        mkdirSync(shots, { recursive: true });
        await page.screenshot({ path: path.join(shots, `serve-${name}.png`), fullPage: false });
      };

      // Not logged in: the dashboard answers 401 (with the login form; fetched here, not in the page,
      // because the browser logs every 401 as a console error).
      expect((await fetch(`${server.url}/`)).status).toBe(401);
      await page.goto(`${server.url}/login`);
      await page.fill('#token', ADMIN);
      await page.click('button[type=submit]');
      await page.locator('h1', { hasText: 'Overview' }).waitFor();
      expect(await page.locator('#projects a[href="/projects/ai-lab"]').count()).toBe(1);
      await snap('overview');

      await page.click('#projects a[href="/projects/ai-lab"]');
      expect(await page.textContent('h1')).toBe('Project ai-lab');
      const steps = page.locator('#path-list .path').first().locator('ol.steps li');
      expect(await steps.count()).toBeGreaterThan(1);
      expect(await steps.first().textContent()).toContain('entry');
      // The same graph as the HTML report: the attacker, entries, pivots and targets drawn as SVG nodes.
      const graph = page.locator('#path-graph svg.aigis-path-graph');
      expect(await graph.count()).toBe(1);
      for (const role of ['source', 'entry', 'pivot', 'target']) expect(await graph.locator(`g.node[data-role=${role}]`).count(), role).toBeGreaterThan(0);
      expect(await graph.locator('g.edge').count()).toBeGreaterThan(2);
      expect((await graph.boundingBox())!.width).toBeGreaterThan(200);
      const suppressedBefore = Number(await page.textContent('[data-count=suppressed] b'));
      expect(suppressedBefore).toBe(0);
      await snap('project');

      await page.goto(`${server.url}/inventory?q=bedrock`);
      const rows = page.locator('#inventory tr');
      expect(await rows.count()).toBeGreaterThan(1);
      expect((await rows.nth(1).textContent())!.toLowerCase()).toContain('bedrock');
      await snap('inventory');

      await page.goto(`${server.url}/projects/ai-lab`);
      await page.locator('#findings tr a').first().click();
      await page.fill('#suppress input[name=reason]', 'accepted in the e2e test: fixture credential');
      await page.click('#suppress button[type=submit]');
      await page.locator('h1', { hasText: 'Project ai-lab' }).waitFor();
      expect(Number(await page.textContent('[data-count=suppressed] b'))).toBe(1);
      await page.goto(`${server.url}/projects/ai-lab?suppressed=yes`);
      expect(await page.locator('#findings tr[data-fingerprint]').count()).toBe(1);
      await page.goto(`${server.url}/suppressions`);
      expect(await page.textContent('#suppressions')).toContain('accepted in the e2e test');
      await snap('suppressions');
      // The project's suppressions export as an .aigisignore that `aigis scan` reads.
      const link = page.locator('a[href="/api/v1/suppressions/export"]');
      const exported = await page.request.get(`${server.url}${await link.getAttribute('href')}`);
      expect(exported.headers()['content-disposition']).toContain('.aigisignore');
      const ignore = parseIgnoreFile(await exported.text(), '.aigisignore');
      expect(ignore.map((e) => [e.reason, Boolean(e.fingerprint)])).toEqual([['accepted in the e2e test: fixture credential', true]]);
      await page.goto(`${server.url}/alerts`);
      expect(await page.locator('#alerts tr').count()).toBeGreaterThan(2);
      expect(await page.locator('#alert-timeline g[data-day] rect').count()).toBeGreaterThan(0);
      await snap('alerts');
    } finally {
      await browser.close();
    }
    expect(problems).toEqual([]);
  });
});
