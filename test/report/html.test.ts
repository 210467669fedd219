/**
 * The HTML report as text (the browser tests are in html-browser.test.ts): self-contained, a strict
 * CSP whose hashes match the page's own style and script, the embedded JSON safe inside its script
 * block, scanned text escaped, secrets redacted by buildReport before any formatter sees them.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { makeFinding } from '../../src/core/finding.js';
import { buildReport } from '../../src/report/build.js';
import { html } from '../../src/report/html/index.js';
import { pageData, scriptJson } from '../../src/report/html/data.js';
import { formatters } from '../../src/report/index.js';
import { FORMAT_NAMES, loadFormatter } from '../../src/report/formats.js';
import { emptyReport, sampleReport } from '../support/sample-report.js';
import { pathReport } from '../support/path-report.js';

const sha = (s: string) => `sha256-${createHash('sha256').update(s).digest('base64')}`;

describe('html formatter', () => {
  it('is offered as --format html, loaded on demand by the CLI', async () => {
    expect(formatters.html).toBe(html);
    expect(FORMAT_NAMES).toContain('html');
    expect(await loadFormatter('html')).toBe(html);
  });

  it('has a strict CSP allowing only its own style and script by hash', () => {
    const page = html(pathReport(), { color: false });
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)![1];
    expect(csp).toMatch(/^default-src 'none'; /);
    const style = /<style>([\s\S]*?)<\/style>/.exec(page)![1];
    const script = /<script>([\s\S]*?)<\/script>/.exec(page)![1];
    expect(csp).toContain(`style-src '${sha(style)}'`);
    expect(csp).toContain(`script-src '${sha(script)}'`);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    // The CSP meta comes before anything it governs.
    expect(page.indexOf('Content-Security-Policy')).toBeLessThan(page.indexOf('<style>'));
  });

  it('references nothing outside the file (no src, no external href, no url(), no @import)', () => {
    const page = html(pathReport(), { color: false });
    const markup = page.replace(/<script type="application\/json"[\s\S]*?<\/script>/, '');
    expect(markup).not.toMatch(/\ssrc=|@import|url\((?!#)/i);
    expect(markup.match(/href="[^"]*"/g) ?? []).toEqual([]);
  });

  it('embeds the findings as JSON that cannot close its script block, and parses back whole', () => {
    const report = pathReport({ hostile: true });
    const page = html(report, { color: false });
    const block = /<script type="application\/json" id="aigis-data">([\s\S]*?)<\/script>/.exec(page)![1];
    expect(block).not.toMatch(/[<>]/);
    expect(JSON.parse(block)).toEqual(JSON.parse(JSON.stringify(pageData(report))));
    expect(scriptJson({ a: '</script><!--\u2028' })).toBe('{"a":"\\u003c/script\\u003e\\u003c!--\\u2028"}');
    expect(JSON.parse(scriptJson({ a: '</script>&' }))).toEqual({ a: '</script>&' });
  });

  it('escapes scanned text in the server-rendered sections', () => {
    const page = html(pathReport({ hostile: true }), { color: false });
    // Exactly two script elements: the JSON block and the page's own script.
    expect(page.match(/<script/g)).toHaveLength(2);
    expect(page).toContain('Internet → vLLM&lt;script&gt;alert(1)&lt;/script&gt; → IRSA role → training data');
    expect(page).not.toContain('<img');
  });

  it('shows the summary, suppressed count, paths, inventory', () => {
    const page = html(pathReport(), { color: false });
    expect(page).toContain('<div class="card critical" id="count-critical"><div class="n">3</div>');
    expect(page).toContain('<div class="card suppressed" id="count-suppressed"><div class="n">1</div>');
    expect(page).toContain('1 suppressed (1 ignore file)');
    expect(page).toContain('<h2>Top attack paths <span class="count">(3)</span></h2>');
    expect(page).toContain('<svg xmlns="http://www.w3.org/2000/svg" class="aigis-path-graph"');
    expect(page).toContain('<h2>AI inventory <span class="count">(6)</span></h2>');
    expect(page.indexOf('id="paths"')).toBeLessThan(page.indexOf('id="findings-section"'));
  });

  it('without paths: no path section; empty report renders', () => {
    expect(html(sampleReport(), { color: false })).not.toContain('id="paths"');
    const empty = html(emptyReport(), { color: false });
    expect(empty).toContain('No findings.');
    expect(empty).toContain('No AI assets found.');
  });

  it('is deterministic', () => {
    expect(html(pathReport(), { color: false })).toBe(html(pathReport(), { color: false }));
  });

  it('never shows a secret that buildReport redacts (message, evidence, asset properties)', () => {
    const key = 'ghp_ma6DsAKnGbkuaIU6dxKO7rYbbGsTac6Ama6D';
    const rule = { id: 'test/leak', title: 'Leak', severity: 'high' as const, category: 'secret' as const, description: 'd', remediation: 'r', references: {} };
    const f = makeFinding(rule, { location: { path: 'a.txt', startLine: 1 }, message: `token ${key} in a.txt`, evidence: key });
    const report = buildReport('scan', { name: 't', type: 'directory' }, {
      findings: [f],
      suppressed: [],
      assets: [{ id: 'model:x', kind: 'model', name: 'x', locations: [{ path: 'a.txt' }], properties: { source: `https://${key}@github.com/a/b` }, relations: [] }],
      notes: [{ level: 'warning', message: `saw ${key}` }],
      stats: { files: 1, bytes: 1, skipped: 0, durationMs: 0 },
      rules: [rule],
    });
    const page = html(report, { color: false });
    expect(page).not.toContain(key);
    expect(page).toContain('ghp_ma6D…(40 chars)');
  });
});
