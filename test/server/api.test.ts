/**
 * The server API on BOTH backends (PGlite in memory and a real PostgreSQL, see harness.ts): ingest of
 * the three formats, idempotency, atomicity, cross-report tracking, suppressions, alerts, redaction.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, Queryable } from '../../src/server/db.js';
import { migrate } from '../../src/server/migrations.js';
import { storeReport } from '../../src/server/store.js';
import { parseUpload } from '../../src/server/ingest/detect-kind.js';
import { parseIgnoreFile } from '../../src/suppress/index.js';
import { aigisReport, cyclonedx, FAKE_TOKEN, falcoEvent, samplePaths, sarif } from './fixtures.js';
import { backends, openBackend, stopClusters, type J, type JsonResponse, type TestServer } from './harness.js';

afterAll(stopClusters);

const post = (s: TestServer, path: string, body: unknown, token?: string | null) =>
  s.req(path, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json' }, token });
const json = async (r: JsonResponse | Promise<JsonResponse>): Promise<J> => (await r).json();

async function count(db: Queryable, table: string): Promise<number> {
  return Number((await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n);
}

describe.each(backends())('aigis serve API on %s', (backend) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await openBackend(backend);
  });
  afterAll(async () => {
    await s?.db.close();
  });

  it('migrations are recorded and a second run applies nothing', async () => {
    expect(await migrate(s.db)).toEqual([]);
    expect(await count(s.db, 'schema_migrations')).toBe(1);
  });

  it('stores an aigis report once, however often it is uploaded', async () => {
    const body = JSON.stringify(aigisReport([{ rule: 'a/one', path: 'x.tf' }, { rule: 'a/two', path: 'y.tf', severity: 'critical' }], 1, { paths: samplePaths }));
    const first = await s.req('/api/v1/reports?project=idem', { method: 'POST', body });
    expect(first.status).toBe(201);
    const a = await first.json();
    expect(a).toMatchObject({ duplicate: false, findings: 2, new: 2 });
    const second = await s.req('/api/v1/reports?project=idem', { method: 'POST', body });
    expect(second.status).toBe(200);
    expect(await second.json()).toMatchObject({ duplicate: true, reportId: a.reportId });
    const project = await json(s.req('/api/v1/projects/idem'));
    expect(project).toMatchObject({ reports: 1, critical: 1, high: 1, latestReport: a.reportId });
    expect(project.paths.items[0].steps.map((x: { role: string }) => x.role)).toEqual(['entry', 'pivot', 'target']);
    const report = await json(s.req(`/api/v1/reports/${a.reportId}`));
    expect(report.findings).toHaveLength(2);
  });

  it('links a finding to the attack paths of the latest scan that go through it', async () => {
    const doc = aigisReport([{ rule: 'k8s/ray-dashboard-exposed', path: 'k8s/vllm.yaml' }, { rule: 'a/other', path: 'z.tf' }], 3, { paths: samplePaths, assets: [] }) as { findings: Record<string, unknown>[] };
    doc.findings[0].onPaths = ['path-abc', 'path-not-in-report'];
    expect((await post(s, '/api/v1/reports?project=on-paths', doc)).status).toBe(201);
    const findings = await json(s.req('/api/v1/projects/on-paths/findings'));
    const byRule = (rule: string) => findings.find((f: J) => f.rule_id === rule).id;
    const page = await (await s.req(`/findings/${byRule('k8s/ray-dashboard-exposed')}`)).text();
    expect(page).toMatch(/<ul id="on-paths"><li>.*<a href="\/projects\/on-paths#path-abc">Internet-exposed model server reaches training data<\/a>/);
    expect(page.match(/<li>/g)).toHaveLength(1);
    expect(await (await s.req(`/findings/${byRule('a/other')}`)).text()).not.toContain('id="on-paths"');
    // The link's target: each path of the project page is an anchor.
    expect(await (await s.req('/projects/on-paths')).text()).toContain('<div class="path" id="path-abc"');
  });

  it('stores concurrent identical uploads once', async () => {
    const body = JSON.stringify(aigisReport([{ rule: 'a/one', path: 'x.tf' }], 42));
    const answers = await Promise.all(Array.from({ length: 8 }, () => s.req('/api/v1/reports?project=race', { method: 'POST', body }).then((r) => r.json())));
    expect(new Set(answers.map((a: J) => a.reportId)).size).toBe(1);
    expect(answers.filter((a: J) => !a.duplicate)).toHaveLength(1);
    expect(await json(s.req('/api/v1/projects/race'))).toMatchObject({ reports: 1, high: 1 });
  });

  it('tracks findings across reports by the line-free fingerprint: new, fixed, reopened', async () => {
    const p = '/api/v1/reports?project=track';
    const one = { rule: 'a/one', path: 'x.tf', line: 3, evidence: 'e1' };
    const two = { rule: 'a/two', path: 'y.tf', line: 9, evidence: 'e2' };
    expect(await json(post(s, p, aigisReport([one, two], 1)))).toMatchObject({ new: 2, fixed: 0 });
    // Lines moved: the same findings, nothing new.
    expect(await json(post(s, p, aigisReport([{ ...one, line: 30 }, { ...two, line: 90 }], 2)))).toMatchObject({ new: 0, fixed: 0, reopened: 0 });
    expect(await json(post(s, p, aigisReport([one], 3)))).toMatchObject({ new: 0, fixed: 1 });
    expect(await json(post(s, p, aigisReport([one, two], 4)))).toMatchObject({ new: 0, fixed: 0, reopened: 1 });
    const all = await json(s.req('/api/v1/projects/track/findings?status=all'));
    expect(all).toHaveLength(2);
    const reopened = all.find((f: J) => f.rule_id === 'a/two');
    expect(reopened).toMatchObject({ status: 'open', reopened_count: 1, start_line: 9 });
    const detail = await json(s.req(`/api/v1/findings/${reopened.id}`));
    expect(detail.history.map((h: { event: string }) => h.event)).toEqual(['new', 'fixed', 'reopened']);
  });

  it('ingests SARIF from another tool, with line-independent fingerprints and redacted messages', async () => {
    const p = '/api/v1/reports?project=sarif';
    const r1 = await post(s, p, sarif([{ rule: 'R1', uri: 'src/a.py', line: 3, text: `token ${FAKE_TOKEN} in line 3` }]));
    expect(r1.status).toBe(201);
    expect(await r1.json()).toMatchObject({ new: 1 });
    // Same result on another line: tracked as the same finding (numbers in messages are normalised).
    expect(await json(post(s, p, sarif([{ rule: 'R1', uri: 'src/a.py', line: 7, text: `token ${FAKE_TOKEN} in line 7` }])))).toMatchObject({ new: 0, fixed: 0 });
    const findings = await json(s.req('/api/v1/projects/sarif/findings'));
    expect(findings).toHaveLength(1);
    expect(findings[0].severity).toBe('high');
    expect(findings[0].message).not.toContain(FAKE_TOKEN);
    expect(findings[0].message).toContain('ghp_');
    // Nothing anywhere in the database holds the token.
    for (const table of ['report_findings', 'findings']) {
      const { rows } = await s.db.query(`SELECT count(*)::int AS n FROM ${table} WHERE message LIKE $1`, [`%${FAKE_TOKEN}%`]);
      expect(rows[0]).toEqual({ n: 0 });
    }
  });

  it('ingests a CycloneDX BOM into the inventory and its vulnerabilities as findings', async () => {
    expect((await post(s, '/api/v1/reports?project=bom', cyclonedx())).status).toBe(201);
    const inv = await json(s.req('/api/v1/inventory?q=torch'));
    expect(inv.map((a: J) => a.asset_id)).toContain('pkg:pypi/torch@2.5.1');
    const findings = await json(s.req('/api/v1/projects/bom/findings'));
    expect(findings).toMatchObject([{ rule_id: 'CVE-2025-32434', severity: 'critical', path: 'pkg:pypi/torch@2.5.1' }]);
  });

  it('searches the inventory across projects (Bedrock, npx -y MCP servers)', async () => {
    const bedrock = await json(s.req('/api/v1/inventory?q=bedrock'));
    expect(new Set(bedrock.map((a: J) => a.project))).toEqual(new Set(['idem', 'race', 'track']));
    const npx = await json(s.req(`/api/v1/inventory?q=${encodeURIComponent('npx -y')}`));
    expect(npx.every((a: J) => a.kind === 'mcp-server')).toBe(true);
    expect(npx.length).toBeGreaterThan(0);
  });

  it('rejects malformed and unrecognised uploads with 400 and a clear message, storing nothing', async () => {
    const before = await count(s.db, 'reports');
    const cases: [string, RegExp][] = [
      ['{"schemaVersion":1,', /malformed JSON/],
      ['[1,2]', /expected a JSON object/],
      ['{"hello":"world"}', /unrecognised upload/],
      [JSON.stringify({ ...aigisReport([]), findings: 'x' }), /"findings" must be an array/],
      [JSON.stringify(aigisReport([{ rule: 'a/x', path: 'p', severity: 'urgent' }])), /findings\[0\]\.severity/],
      [JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: {} } }] }), /driver\.name/],
      [JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '9.9' }), /specVersion/],
      ['{"a":'.repeat(100) + '1' + '}'.repeat(100), /nested deeper/],
      // Attack paths are drawn by the dashboard's graph renderer: their shape is checked like the rest.
      [JSON.stringify(aigisReport([], 0, { paths: { version: 1, items: 'x' } })), /"paths" must be an object with an "items" array/],
      [JSON.stringify(aigisReport([], 0, { paths: { version: 1, items: [{ ...samplePaths.items[0], entry: {} }] } })), /paths\.items\[0\]\.entry needs a kind and an assetId/],
      [JSON.stringify(aigisReport([], 0, { paths: { version: 1, items: [{ ...samplePaths.items[0], steps: [{ ...samplePaths.items[0].steps[0], assetName: 7 }] }] } })), /paths\.items\[0\]\.steps\[0\]\.assetName must be a non-empty string/],
    ];
    for (const [body, message] of cases) {
      const r = await s.req('/api/v1/reports?project=bad', { method: 'POST', body });
      expect(r.status, body.slice(0, 40)).toBe(400);
      expect((await r.json()).error).toMatch(message);
    }
    expect((await s.req('/api/v1/reports', { method: 'POST', body: '{}' })).status).toBe(400);
    expect(await count(s.db, 'reports')).toBe(before);
  });

  it('refuses an oversized upload with 413 and stores nothing', async () => {
    const before = await count(s.db, 'reports');
    const big = JSON.stringify(aigisReport(Array.from({ length: 6000 }, (_, i) => ({ rule: 'a/big', path: `f${i}.tf`, message: 'x'.repeat(100) }))));
    expect(big.length).toBeGreaterThan(1024 * 1024);
    const r = await s.req('/api/v1/reports?project=big', { method: 'POST', body: big });
    expect(r.status).toBe(413);
    expect(await count(s.db, 'reports')).toBe(before);
  });

  it('stores a report whole or not at all when the database fails mid-way', async () => {
    const before = await Promise.all(['reports', 'report_findings', 'findings', 'report_assets', 'projects'].map((t) => count(s.db, t)));
    // A database whose 6th statement in the transaction fails (after the report row is written).
    let n = 0;
    const failing: Db = {
      ...s.db,
      query: s.db.query.bind(s.db),
      transaction: (fn) =>
        s.db.transaction((tx) =>
          fn({
            query: (sql: string, params?: unknown[]) => {
              if (++n === 6) throw new Error('injected failure');
              return tx.query(sql, params);
            },
          } as Queryable),
        ),
    };
    const body = JSON.stringify(aigisReport([{ rule: 'a/one', path: 'x' }], 77));
    await expect(storeReport(failing, 'atomic', 'h', parseUpload(body), { tokenId: null, name: 't' })).rejects.toThrow('injected failure');
    expect(n).toBe(6);
    const after = await Promise.all(['reports', 'report_findings', 'findings', 'report_assets', 'projects'].map((t) => count(s.db, t)));
    expect(after).toEqual(before);
  });

  it('suppressions apply to stored findings and later uploads, count as suppressed and export as .aigisignore', async () => {
    const p = '/api/v1/reports?project=supp';
    const body = aigisReport([{ rule: 'secret/github-token', path: 'a.env', severity: 'critical' }, { rule: 'tf/open-bucket', path: 'main.tf' }], 1);
    await post(s, p, body);
    const [secret] = (await json(s.req('/api/v1/projects/supp/findings'))).filter((f: J) => f.rule_id === 'secret/github-token');
    const bad = await post(s, '/api/v1/suppressions', { project: 'supp', rule: 'secret/github-token', reason: '' });
    expect(bad.status).toBe(400);
    const created = await post(s, '/api/v1/suppressions', { project: 'supp', rule: 'secret/github-token', fingerprint: secret.fingerprint, reason: 'test fixture, not a live token', expires: '2999-12-31' });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ matched: 1 });
    expect(await json(s.req('/api/v1/projects/supp'))).toMatchObject({ suppressed: 1, critical: 0, high: 1 });
    // A later upload keeps it suppressed (the suppression applies at ingest too).
    expect(await json(post(s, p, aigisReport(body.findings ? [{ rule: 'secret/github-token', path: 'a.env', severity: 'critical' }, { rule: 'tf/open-bucket', path: 'main.tf' }] : [], 2)))).toMatchObject({ suppressed: 1 });
    expect(await json(s.req('/api/v1/projects/supp'))).toMatchObject({ suppressed: 1, critical: 0 });
    const exported = await (await s.req('/api/v1/suppressions/export?project=supp')).text();
    const entries = parseIgnoreFile(exported, '.aigisignore');
    expect(entries).toMatchObject([{ rule: 'secret/github-token', fingerprint: secret.fingerprint, reason: 'test fixture, not a live token', expires: '2999-12-31' }]);
    // Revoked: counted open again.
    const { id } = (await json(s.req('/api/v1/suppressions')))[0];
    expect((await s.req(`/api/v1/suppressions/${id}`, { method: 'DELETE' })).status).toBe(200);
    expect(await json(s.req('/api/v1/projects/supp'))).toMatchObject({ suppressed: 0, critical: 1 });
  });

  it('an expired suppression no longer suppresses', async () => {
    await post(s, '/api/v1/reports?project=expired', aigisReport([{ rule: 'tf/x', path: 'a.tf' }], 1));
    await s.db.query(`INSERT INTO suppressions (project_id, rule, reason, expires) SELECT id, 'tf/*', 'old', DATE '2020-01-01' FROM projects WHERE name = 'expired'`);
    expect(await json(post(s, '/api/v1/reports?project=expired', aigisReport([{ rule: 'tf/x', path: 'a.tf' }], 2)))).toMatchObject({ suppressed: 0 });
    expect(await json(s.req('/api/v1/projects/expired'))).toMatchObject({ suppressed: 0, high: 1 });
  });

  it('takes runtime alerts from falcosidekick and aigis detect, once each, redacted', async () => {
    const ev = falcoEvent('Shell in inference container');
    (ev.output_fields as Record<string, string>)['proc.env'] = `GITHUB_TOKEN=${FAKE_TOKEN}`;
    const r = await post(s, '/api/v1/alerts/falco?project=cluster', ev);
    expect(r.status).toBe(201);
    expect(await r.json()).toEqual({ received: 1, stored: 1 });
    // falcosidekick retries: the same event again is not a second alert.
    expect(await json(post(s, '/api/v1/alerts/falco?project=cluster', ev))).toEqual({ received: 1, stored: 0 });
    const line = JSON.stringify({ ruleId: 'runtime/bedrock-model-enumeration', severity: 'low', message: 'ListFoundationModels by a new principal', location: {}, fingerprint: 'f', properties: { time: '2026-01-03T00:00:00Z' } });
    expect(await json(post(s, '/api/v1/alerts?project=cluster', `${line}\n`))).toEqual({ received: 1, stored: 1 });
    const alerts = await json(s.req('/api/v1/alerts'));
    expect(alerts.map((a: J) => [a.source, a.severity])).toEqual([
      ['aigis-detect', 'low'],
      ['falco', 'critical'],
    ]);
    const { rows } = await s.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM alerts WHERE fields::text LIKE $1`, [`%${FAKE_TOKEN}%`]);
    expect(rows[0].n).toBe(0);
    expect((await post(s, '/api/v1/alerts', { rule: 'x' })).status).toBe(400);
  });

  it('counts alerts per day and severity for the timeline, up to the newest alert, within the token\'s projects', async () => {
    const events = [
      falcoEvent('Shell in inference container', '2026-03-01T01:00:00.000Z'),
      falcoEvent('Shell in inference container', '2026-03-01T23:59:00.000Z'),
      { ...falcoEvent('Miner in GPU container', '2026-03-01T12:00:00.000Z'), priority: 'Warning' },
      falcoEvent('Miner in GPU container', '2026-03-03T08:00:00.000Z'),
    ];
    expect(await json(post(s, '/api/v1/alerts/falco?project=timeline', events))).toEqual({ received: 4, stored: 4 });
    const uploader = await s.token('uploader', ['timeline']);
    const days = await json(s.req('/api/v1/alerts/timeline', { token: uploader }));
    expect(days).toHaveLength(30);
    expect(days.at(-1)).toEqual({ day: '2026-03-03', critical: 1, high: 0, medium: 0, low: 0, info: 0 });
    expect(days.at(-3)).toEqual({ day: '2026-03-01', critical: 2, high: 0, medium: 1, low: 0, info: 0 });
    expect(days[0].day).toBe('2026-02-02');
    const total = (list: J[]) => list.reduce((n: number, d: J) => n + d.critical + d.high + d.medium + d.low + d.info, 0);
    expect(total(days)).toBe(4);
    expect(total(await json(s.req('/api/v1/alerts/timeline?q=miner', { token: uploader })))).toBe(2);
    expect(await json(s.req('/api/v1/alerts/timeline?q=no-such-rule', { token: uploader }))).toEqual([]);
    // The dashboard draws it: one group per day, the newest day's count on its bar.
    const page = await (await s.req('/alerts', { token: uploader })).text();
    expect(page).toContain('id="alert-timeline"');
    expect(page.match(/<g data-day=/g)).toHaveLength(30);
    expect(page).toContain('<g data-day="2026-03-01" data-alerts="3">');
  });

  it('an aigis detect report uploaded as a report adds its findings as alerts', async () => {
    const report = aigisReport([{ rule: 'runtime/llmjacking', path: 'cloudtrail.json' }], 5, { command: 'detect' });
    expect(await json(post(s, '/api/v1/reports?project=detect', report))).toMatchObject({ alerts: 1 });
  });

  it('keeps an audit log of changes', async () => {
    const audit = await json(s.req('/api/v1/audit'));
    const actions = new Set(audit.map((a: J) => a.action));
    for (const a of ['report.upload', 'suppression.create', 'suppression.revoke']) expect(actions).toContain(a);
  });

  it('answers health, readiness and Prometheus metrics', async () => {
    expect((await s.req('/healthz', { token: null })).status).toBe(200);
    expect(await json(s.req('/readyz', { token: null }))).toMatchObject({ status: 'ready', database: backend });
    const metrics = await (await s.req('/metrics')).text();
    expect(metrics).toMatch(/^aigis_http_requests_total\{method="POST",route="\/api\/v1\/reports",status="201"\} \d+$/m);
    expect(metrics).toMatch(/^aigis_reports \d+$/m);
  });
});
