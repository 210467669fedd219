/** The deterministic analyst (templates) over a hand-built report with hostile text, and over a real scan. */
import { beforeAll, describe, expect, it } from 'vitest';
import { triageItems } from '../../src/analyst/items.js';
import { explainText, triageText } from '../../src/analyst/narrative.js';
import { pathFindings, rank, sortedPaths } from '../../src/analyst/rank.js';
import type { Report } from '../../src/core/model.js';
import { verifyAnswer } from '../../src/analyst/verify.js';
import { sampleReport } from '../support/sample-report.js';
import { pathReport, pathRules } from '../support/hostile-path-report.js';

describe('triage (templates)', () => {
  it('ranks the highest-scoring attack path first, then the other path, then findings on no path by severity', () => {
    const items = rank(pathReport());
    expect(items.map((i) => (i.kind === 'path' ? i.path.id : i.ruleId))).toEqual(['path-9f1c2e7a', 'path-03b7d44e', 'model/pickle-unsafe-global', 'dockerfile/no-user']);
    const text = triageText(pathReport());
    const first = text.split('\n').find((l) => l.startsWith('1. '));
    expect(first).toBe('1. [critical, score 91] Internet-exposed Ollama leads to the OpenAI account (path-9f1c2e7a, path/exposed-server-to-ai-account)');
  });

  it('orders paths by score even when the report lists them otherwise', () => {
    const r = pathReport();
    r.paths!.items.reverse();
    expect(triageText(r).split('\n').find((l) => l.startsWith('1. '))).toContain('path-9f1c2e7a');
  });

  it('groups the findings of a path under it, with the exact change at each file and line, and does not repeat them', () => {
    const text = triageText(pathReport());
    expect(text).toContain(`  - docker-compose.yml:8 (compose/ollama-exposed, high): ${pathRules.exposed.remediation}`);
    expect(text).toContain(`  - terraform/s3.tf:14 (tf/s3-public-bucket, high): ${pathRules.bucket.remediation}`);
    expect(text).toContain('(2 more route(s) between the same ends)');
    // On a path, so no item of its own; the path rules' own findings are the path items.
    expect(text).not.toMatch(/^\d+\. .*\((compose\/ollama-exposed|tf\/s3-public-bucket|path\/[a-z-]+)\)/m);
    expect(text).toMatch(/^3\. \[high\] Pickle imports a dangerous global \(model\/pickle-unsafe-global\)$/m);
    expect(text).toContain('Where: models/churn.pkl!data.pkl');
  });

  it('folds a path that differs only in where it starts into one item, listing every entry\'s change', () => {
    const r = pathReport();
    const [account] = r.paths!.items;
    const exposed = r.findings.find((f) => f.ruleId === 'compose/ollama-exposed')!;
    // The same Ollama exposure in a second compose file: same rule, same route to the same account.
    const other = { ...exposed, location: { path: 'deploy/compose.prod.yml', startLine: 3 }, fingerprint: 'f'.repeat(32), stableFingerprint: 'e'.repeat(32) };
    r.findings.push(other);
    r.paths!.items.push({ ...account, id: 'path-0a0a0a0a', score: 80, steps: [{ ...account.steps[0], location: other.location, finding: { ruleId: other.ruleId, fingerprint: other.stableFingerprint } }, account.steps[1]] });
    const items = rank(r);
    expect(items.map((i) => (i.kind === 'path' ? i.path.id : i.ruleId))).toEqual(['path-9f1c2e7a', 'path-03b7d44e', 'model/pickle-unsafe-global', 'dockerfile/no-user']);
    const text = triageText(r);
    expect(text).toContain('   Same route from 1 more place(s): deploy/compose.prod.yml:3 (path-0a0a0a0a).');
    expect(text).toContain('   Changes (fix every place the route starts from; breaking a later step breaks them all):');
    expect(text).toContain(`     - deploy/compose.prod.yml:3 (compose/ollama-exposed, high): ${pathRules.exposed.remediation}`);
    expect(triageItems(r).items[0]).toMatchObject({ id: 'path-9f1c2e7a', similarPaths: ['path-0a0a0a0a'], findingsTotal: 3 });
    expect(verifyAnswer(text, r).unverified).toEqual([]);
    // A different route (another target) is not folded.
    r.paths!.items[2] = { ...r.paths!.items[2], target: { kind: 'ai-account', assetId: 'llm-provider:other' } };
    expect(rank(r).filter((i) => i.kind === 'path')).toHaveLength(3);
  });

  it('is deterministic: same report (or the same findings in another order) gives the same text', () => {
    const a = triageText(pathReport());
    const shuffled = pathReport();
    shuffled.findings.reverse();
    shuffled.createdAt = '2030-01-01T00:00:00.000Z';
    shuffled.stats.durationMs = 999;
    expect(triageText(pathReport())).toBe(a);
    expect(triageText(shuffled)).toBe(a);
  });

  it('neutralises terminal escapes in scanned text', () => {
    const text = triageText(pathReport());
    expect(text.includes('\u001b')).toBe(false);
    expect(text).toContain('ollama?[31m (ai-server)');
  });

  it('without paths, ranks by severity; --top cuts and says how many are left', () => {
    const text = triageText(sampleReport(), { top: 1 });
    expect(text).toMatch(/^aigis triage of .*: \d+ finding\(s\), 0 attack path\(s\)\.\n\nFix first \(by severity and confidence\):\n\n1\. \[critical\] OpenAI API key \(secret\/openai-api-key\)/);
    expect(text).toMatch(/\n\d+ more item\(s\) not shown \(use --top\)\.\n$/);
  });

  it('every rule id, file and line the template cites is in the report (the LLM check passes it)', () => {
    for (const r of [pathReport(), sampleReport()]) {
      const v = verifyAnswer(triageText(r), r);
      expect(v.unverified).toEqual([]);
    }
  });
});

describe('explain (templates)', () => {
  it('explains a path with every step and the changes that break it', () => {
    const text = explainText(pathReport(), { path: 'path-03b7d44e' });
    expect(text).toMatch(/^\[high, score 55\] Public bucket exposes the training data \(path-03b7d44e, path\/public-bucket-to-training-data\)\n/);
    expect(text).toContain('  entry  training (cloud-resource): Anyone can read the bucket. [tf/s3-public-bucket at terraform/s3.tf:14]');
    expect(text).toContain('  target training (dataset) via reads: The training set is in it. [terraform/s3.tf:14]');
    expect(text).toContain('About path/public-bucket-to-training-data:');
  });

  it('explains a finding by its id or an 8+ character prefix, with the paths it is on', () => {
    const r = pathReport();
    const key = r.findings.find((f) => f.ruleId === 'secret/openai-api-key')!;
    const full = explainText(r, { finding: key.stableFingerprint! });
    expect(explainText(r, { finding: key.stableFingerprint!.slice(0, 10) })).toBe(full);
    expect(full).toContain(`Id: ${key.stableFingerprint}`);
    expect(full).toContain('Fix: Revoke the key and load it from a secret manager.');
    expect(full).toContain('On attack path(s): path-9f1c2e7a');
  });

  it('without a selection, explains the top-ranked item; unknown ids are errors', () => {
    expect(explainText(pathReport())).toBe(explainText(pathReport(), { path: 'path-9f1c2e7a' }));
    expect(() => explainText(pathReport(), { path: 'path-nope' })).toThrow(/^no attack path "path-nope" in the report \(ids: path-9f1c2e7a, path-03b7d44e\)/);
    expect(() => explainText(pathReport(), { finding: 'abc' })).toThrow(/^no finding "abc"/);
  });
});

describe('on a real scan (examples/ai-lab, the attack-path engine\'s own output)', () => {
  let report: Report;
  beforeAll(async () => {
    const { scan } = await import('../../src/index.js');
    const path = await import('node:path');
    report = await scan(path.resolve(__dirname, '../../examples/ai-lab'));
  });

  it('every rule id, file and line the triage cites verifies against the report (no false marks)', () => {
    const text = triageText(report, { top: 1000 });
    expect(text.split('\n').filter((l) => /^\d+\. /.test(l)).length).toBeGreaterThan(20);
    expect(verifyAnswer(text, report).unverified).toEqual([]);
  });

  it('ranks the planted path first: internet → Ray head → IRSA role → training bucket', () => {
    const [top] = rank(report);
    expect(top.kind).toBe('path');
    const p = (top as Extract<typeof top, { kind: 'path' }>).path;
    expect(p).toMatchObject({ ruleId: 'path/exposed-server-to-data', entry: { kind: 'internet-exposure' }, target: { kind: 'training-data', assetId: 'tf:terraform/aws_s3_bucket.training' } });
    expect(p.steps.map((s) => s.location?.path)).toEqual(['k8s/paths/ray-trainer.yaml', 'k8s/paths/ray-trainer.yaml', 'terraform/ray-trainer.tf', 'terraform/training-data.tf']);
    // The findings the path names are found in the report (the engine's fingerprints are the findings' ids).
    expect((top as Extract<typeof top, { kind: 'path' }>).findings.map((f) => f.ruleId)).toEqual(['k8s/ray-dashboard-exposed', 'tf/s3-bucket-unencrypted']);
    expect(triageText(report).split('\n').find((l) => l.startsWith('1. '))).toBe(`1. [critical, score ${p.score}] ${p.title} (${p.id}, path/exposed-server-to-data)`);
  });

  it('explains every path the engine found, each step\'s finding resolved, and the text verifies', () => {
    const paths = report.paths!.items;
    expect(paths.length).toBeGreaterThan(5);
    for (const p of paths) {
      const gated = p.steps.filter((s) => s.finding).length;
      expect(pathFindings(report, p).length, p.id).toBeGreaterThanOrEqual(gated);
      const text = explainText(report, { path: p.id });
      expect(text.startsWith(`[${p.severity}, score ${p.score}] `), p.id).toBe(true);
      expect(text).toContain(`About ${p.ruleId}:`);
      expect(text).not.toContain('no single finding gates this path');
      expect(verifyAnswer(text, report).unverified, p.id).toEqual([]);
    }
  });

  it('the structured ranking (the MCP triage result) has the text\'s order', () => {
    const { total, items } = triageItems(report, 30);
    expect(total).toBe(rank(report).length);
    const heads = triageText(report, { top: 30 }).split('\n').filter((l) => /^\d+\. /.test(l));
    expect(heads).toHaveLength(items.length);
    items.forEach((item, n) => {
      expect(heads[n].startsWith(`${item.rank}. [${item.severity}`), heads[n]).toBe(true);
      expect(heads[n]).toContain(item.kind === 'path' ? `(${item.id}, ${item.ruleId})` : `(${item.id})`);
    });
    // Every path of the report is in the ranking once: as an item, or folded into one.
    const all = triageItems(report).items.flatMap((i) => (i.kind === 'path' ? [i.id, ...(i.similarPaths ?? [])] : []));
    expect([...all].sort()).toEqual(sortedPaths(report).map((p) => p.id).sort());
    expect(new Set(all).size).toBe(all.length);
  });

  it('folds the same kind of key leaked in several files into one item per route', () => {
    const hf = rank(report).filter((i) => i.kind === 'path' && i.path.target.assetId === 'llm-provider:huggingface');
    expect(hf).toHaveLength(1);
    const item = hf[0] as Extract<(typeof hf)[number], { kind: 'path' }>;
    expect([item.path, ...item.similar!].map((p) => p.steps[0].location?.path).sort()).toEqual(['.env', 'Dockerfile', 'notebooks/finetune.ipynb']);
    expect(item.findings.map((f) => f.location.path).sort()).toEqual(['.env', 'Dockerfile', 'notebooks/finetune.ipynb']);
  });
});
