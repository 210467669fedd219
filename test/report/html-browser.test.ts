/**
 * The HTML report in a real browser (headless Chromium): it renders without console errors or CSP
 * violations, makes no request but its own file, draws the expected graph, and its findings table
 * filters and sorts. Hostile scanned text (`<script>`, `</script>`) stays text.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { html } from '../../src/report/html/index.js';
import type { Report } from '../../src/core/model.js';
import { launchChromium, runBrowserTests } from '../support/browser.js';
import { pathReport } from '../support/path-report.js';

let browser: Browser;
const dir = mkdtempSync(path.join(os.tmpdir(), 'aigis-html-'));

interface Opened {
  page: Page;
  errors: string[];
  requests: string[];
  dialogs: string[];
}

async function open(report: Report, name: string): Promise<Opened> {
  const file = path.join(dir, name);
  writeFileSync(file, html(report, { color: false }));
  const url = pathToFileURL(file).href;
  const page = await browser.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => {
    if (r.url() !== url) requests.push(r.url());
  });
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, errors, requests, dialogs };
}

const visibleRules = (page: Page) => page.$$eval('#findings tbody tr.finding', (trs) => trs.map((tr) => tr.getAttribute('data-rule')));

describe.skipIf(!runBrowserTests)('HTML report in headless Chromium', () => {
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('renders with no console error, no CSP violation and no request but the file itself', async () => {
    const { page, errors, requests } = await open(pathReport(), 'report.html');
    expect(await page.locator('#findings tbody tr.finding').count()).toBe(11);
    expect(await page.textContent('#shown-count')).toBe('Showing 11 of 11 findings');
    expect(await page.textContent('#count-critical .n')).toBe('3');
    expect(await page.textContent('#count-suppressed .n')).toBe('1');
    expect(await page.textContent('#count-paths .n')).toBe('3');
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });

  it('draws the expected graph: every asset of the top paths once, with the attacker sources', async () => {
    const { page } = await open(pathReport(), 'graph.html');
    const nodes = await page.$$eval('svg.aigis-path-graph g.node', (gs) => gs.map((g) => `${g.getAttribute('data-role')}:${g.getAttribute('data-asset-id')}`));
    expect(nodes.sort()).toEqual(
      [
        'source:source:internet',
        'entry:k8s:Service/ml/vllm',
        'pivot:k8s:Deployment/ml/vllm',
        'pivot:aws:iam-role/vllm-serving',
        'target:aws:s3-bucket/acme-training-data',
        'source:source:repo-readers',
        'entry:secret:.env/OPENAI_API_KEY',
        'target:llm-provider:openai',
        'source:source:model-supplier',
        'entry:model-file:models/reranker.pt',
        'target:aws:s3-bucket/acme-model-registry',
      ].sort(),
    );
    // Laid out left to right and actually drawn (non-empty boxes inside the SVG).
    const box = async (id: string) => page.locator(`g.node[data-asset-id="${id}"] rect`).boundingBox();
    const internet = (await box('source:internet'))!;
    const svc = (await box('k8s:Service/ml/vllm'))!;
    const bucket = (await box('aws:s3-bucket/acme-training-data'))!;
    expect(internet.width).toBeGreaterThan(50);
    expect(internet.x).toBeLessThan(svc.x);
    expect(svc.x).toBeLessThan(bucket.x);
    expect(await page.locator('g.edge').count()).toBe(9);
    // A click on a path card highlights exactly that path's nodes.
    await page.click('li.path[data-path-id="path-7b21d0aa"] .path-title');
    const on = await page.$$eval('svg g.node.on', (gs) => gs.map((g) => g.getAttribute('data-asset-id')));
    expect(on.sort()).toEqual(['llm-provider:openai', 'secret:.env/OPENAI_API_KEY', 'source:repo-readers']);
    await page.close();
  });

  it('filters the findings table by severity, category, text and path', async () => {
    const { page, errors } = await open(pathReport(), 'filter.html');
    await page.uncheck('.sev-filter[value="high"]');
    await page.uncheck('.sev-filter[value="medium"]');
    await page.uncheck('.sev-filter[value="low"]');
    expect(await visibleRules(page)).toEqual(['path/internet-to-training-data', 'path/leaked-key-to-ai-account', 'secret/openai-api-key']);
    await page.check('.sev-filter[value="high"]');
    await page.selectOption('#category-filter', 'unsafe-artifact');
    expect(await visibleRules(page)).toEqual(['path/model-artifact-to-model-store', 'model/pickle-unsafe-global']);
    await page.selectOption('#category-filter', '');
    await page.fill('#text-filter', 'OPENSSL');
    expect(await visibleRules(page)).toEqual(['vuln/image-os-package']);
    await page.fill('#text-filter', 'no such text anywhere');
    expect(await page.textContent('#findings tbody')).toContain('No finding matches the filters.');
    await page.fill('#text-filter', '');
    await page.check('.sev-filter[value="medium"]');
    await page.click('button.show-path[data-path-id="path-c04e88f1"]');
    expect(await visibleRules(page)).toEqual(['path/model-artifact-to-model-store', 'model/pickle-unsafe-global', 'k8s/irsa-role-on-serving-workload']);
    await page.click('#path-filter-clear');
    expect(await page.textContent('#shown-count')).toBe('Showing 10 of 11 findings'); // low is still unchecked
    expect(errors).toEqual([]);
    await page.close();
  });

  it('sorts by a column and back, and opens a finding’s details', async () => {
    const { page } = await open(pathReport(), 'sort.html');
    const sevs = () => page.$$eval('#findings tbody tr.finding', (trs) => trs.map((tr) => tr.getAttribute('data-severity')));
    expect(await sevs()).toEqual(['critical', 'critical', 'critical', 'high', 'high', 'high', 'high', 'high', 'high', 'medium', 'low']);
    await page.click('th[data-key="rank"] button');
    expect(await sevs()).toEqual(['low', 'medium', 'high', 'high', 'high', 'high', 'high', 'high', 'critical', 'critical', 'critical']);
    expect(await page.getAttribute('th[data-key="rank"]', 'aria-sort')).toBe('ascending');
    await page.click('th[data-key="ruleId"] button');
    const rules = await visibleRules(page);
    expect(rules).toEqual([...rules].sort((a, b) => a!.localeCompare(b!)));
    expect(rules[0]).toBe('k8s/irsa-role-on-serving-workload');
    await page.click('th[data-key="ruleId"] button');
    expect((await visibleRules(page))[0]).toBe('vuln/image-os-package');
    await page.click('tr.finding[data-rule="vuln/image-os-package"]');
    const detail = await page.textContent('tr.detail');
    expect(detail).toContain('openssl 3.0.11-1~deb12u2');
    expect(await page.getAttribute('tr.detail a', 'href')).toBe('https://nvd.nist.gov/vuln/detail/CVE-2024-5535');
    await page.close();
  });

  it('hostile file names and evidence stay text: no script runs, no element is injected', async () => {
    const { page, errors, requests, dialogs } = await open(pathReport({ hostile: true }), 'hostile.html');
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(2); // the JSON block and the page's own script
    expect(await page.textContent('li.path[data-path-id="path-3f9a1c2e"] .path-title')).toBe('Internet → vLLM<script>alert(1)</script> → IRSA role → training data');
    await page.fill('#text-filter', '</script>');
    expect(await visibleRules(page)).toContain('k8s/vllm-no-api-key');
    expect(await page.textContent('tr.finding[data-rule="k8s/service-public-load-balancer"] td.loc')).toBe('k8s/</script><script>alert(2)</script>.yaml:7');
    await page.close();
  });

  it('the CSP blocks script and requests that are not the page’s own (the checks above can fail)', async () => {
    const tampered = html(pathReport(), { color: false }).replace('</main>', '<script>alert("injected")</script><img src="http://127.0.0.1:9/x.png"></main>');
    const file = path.join(dir, 'tampered.html');
    writeFileSync(file, tampered);
    const page = await browser.newPage();
    const errors: string[] = [];
    const dialogs: string[] = [];
    page.on('console', (m) => errors.push(m.text()));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    expect(dialogs).toEqual([]);
    expect(errors.join('\n')).toMatch(/Content Security Policy/);
    await page.close();
  });

  it('the example’s report, written by the built CLI: clean load, every finding in the table, every drawn path’s assets in the graph', async () => {
    // `npm test` builds dist/ before vitest runs (see package.json).
    const cli = path.resolve(__dirname, '../../dist/cli/main.js');
    const out = path.join(dir, 'example.html');
    const scan = (format: string, extra: string[] = []) => spawnSync(process.execPath, [cli, 'scan', 'examples/ai-lab', '--quiet', '--format', format, ...extra], { cwd: path.resolve(__dirname, '../..'), encoding: 'utf8', maxBuffer: 64 << 20 });
    expect(scan('html', ['--output', out]).status).toBe(0);
    const report = JSON.parse(scan('json').stdout) as Report;
    const page = await browser.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('request', (r) => !r.url().startsWith('file:') && requests.push(r.url()));
    await page.goto(pathToFileURL(out).href, { waitUntil: 'load' });
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    expect(await page.locator('#findings tbody tr.finding').count()).toBe(report.findings.length);
    const paths = report.paths?.items ?? [];
    expect(await page.locator('li.path').count()).toBe(Math.min(10, paths.length));
    const nodes = new Set(await page.$$eval('svg.aigis-path-graph g.node', (gs) => gs.map((g) => g.getAttribute('data-asset-id'))));
    const drawn = new Set(await page.$$eval('svg.aigis-path-graph g.node', (gs) => gs.flatMap((g) => (g.getAttribute('data-paths') ?? '').split(' '))));
    for (const p of paths.filter((x) => drawn.has(x.id))) for (const s of p.steps) expect(nodes.has(s.assetId), s.assetId).toBe(true);
    expect(drawn.size > 0).toBe(paths.length > 0);
    await page.close();
  });

  it('a large report draws 500 rows, then all on request (and when printing); filters still see every row', async () => {
    const base = pathReport();
    const many = Array.from({ length: 1200 }, (_, i) => ({ ...base.findings[10], message: `Container c${i} sets no memory limit.`, fingerprint: `fp${i}` }));
    const { page, errors } = await open({ ...base, findings: [...base.findings, ...many] }, 'large.html');
    expect(await page.locator('#findings tbody tr.finding').count()).toBe(500);
    expect(await page.textContent('#shown-count')).toBe('Showing 1211 of 1211 findings');
    expect(await page.textContent('tr.more-rows')).toContain('… 711 more findings');
    await page.fill('#text-filter', 'c1199 sets');
    expect(await page.locator('#findings tbody tr.finding').count()).toBe(1);
    await page.fill('#text-filter', '');
    await page.click('button.show-all');
    expect(await page.locator('#findings tbody tr.finding').count()).toBe(1211);
    expect(errors).toEqual([]);
    await page.reload();
    expect(await page.locator('#findings tbody tr.finding').count()).toBe(500);
    await page.evaluate("window.dispatchEvent(new Event('beforeprint'))");
    expect(await page.locator('#findings tbody tr.finding').count()).toBe(1211);
    await page.close();
  });

  it('prints: controls hidden, collapsed sections opened, every section present', async () => {
    const { page } = await open(pathReport(), 'print.html');
    await page.evaluate("window.dispatchEvent(new Event('beforeprint'))");
    expect(await page.locator('#suppressed').getAttribute('open')).toBe('');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.controls').isVisible()).toBe(false);
    expect(await page.locator('svg.aigis-path-graph').isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.close();
  });
});
