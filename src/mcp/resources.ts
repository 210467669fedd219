/**
 * Resources of `aigis mcp`: the last scan report (bounded JSON) and the documentation of every rule,
 * rendered from rule metadata as `aigis rules --docs` does (so they match docs/rules/ exactly).
 */
import { ResourceTemplate, type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Report, RuleMeta } from '../core/model.js';
import { renderRuleDoc } from '../report/rule-docs.js';
import { bounded, MAX_PAGE_CHARS } from './page.js';
import type { ReportCache } from './state.js';

export const LAST_REPORT_URI = 'aigis://report/last';
const MAX_REPORT_CHARS = 4 * MAX_PAGE_CHARS;

/** The report cut to a size a client can hold: findings first, then assets, each list trimmed until it fits. */
export function boundedReport(report: Report, max = MAX_REPORT_CHARS): unknown {
  const doc = bounded(report) as Record<string, unknown> & { findings: unknown[]; assets: unknown[]; notes: unknown[]; suppressed: unknown[] };
  const full = { findings: report.findings.length, assets: report.assets.length, notes: report.notes.length, suppressed: report.suppressed.length };
  const size = () => JSON.stringify(doc).length;
  for (const key of ['notes', 'suppressed', 'assets', 'findings'] as const) {
    while (size() > max && doc[key].length > 0) doc[key] = doc[key].slice(0, Math.floor(doc[key].length / 2));
  }
  const cut = Object.entries(full).filter(([k, n]) => (doc[k] as unknown[]).length < n);
  if (cut.length) doc.truncated = Object.fromEntries(cut.map(([k, n]) => [k, { shown: (doc[k] as unknown[]).length, total: n }]));
  return doc;
}

export function registerResources(server: McpServer, cache: ReportCache, rules: () => Promise<RuleMeta[]>): void {
  server.registerResource(
    'last-report',
    LAST_REPORT_URI,
    { title: 'Last scan report', description: 'The JSON report of the last scan tool call (size-bounded; the scan and list tools page through it in full).', mimeType: 'application/json' },
    async (uri) => {
      const report = cache.lastScanKey ? cache.get(cache.lastScanKey) : undefined;
      const text = report ? JSON.stringify(boundedReport(report)) : JSON.stringify({ error: 'no scan yet: call the scan tool first' });
      return { contents: [{ uri: uri.href, mimeType: 'application/json', text }] };
    },
  );

  const byId = async () => new Map((await rules()).map((r) => [r.id, r]));
  server.registerResource(
    'rule-doc',
    new ResourceTemplate('aigis://rules/{+ruleId}', {
      list: async () => ({
        resources: [...(await byId()).values()].sort((a, b) => a.id.localeCompare(b.id, 'en')).map((r) => ({ uri: `aigis://rules/${r.id}`, name: r.id, title: r.title, mimeType: 'text/markdown' })),
      }),
    }),
    { title: 'Rule documentation', description: 'Why a rule matters, how to fix it, references and how to suppress it.', mimeType: 'text/markdown' },
    async (uri, vars) => {
      const id = String(Array.isArray(vars.ruleId) ? vars.ruleId.join('/') : vars.ruleId);
      const rule = (await byId()).get(id);
      if (!rule) throw new Error(`no rule ${JSON.stringify(id.slice(0, 100))}`);
      return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text: renderRuleDoc(rule) }] };
    },
  );
}
