/** End to end through the built CLI: the bundled example's attack paths, their safe twins, and filtering. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/model.js';

const root = path.resolve(import.meta.dirname, '../..');
// `npm test` builds dist/ before vitest runs (see package.json).
const cli = path.join(root, 'dist/cli/main.js');

function scan(...args: string[]): Report {
  const r = spawnSync(process.execPath, [cli, 'scan', 'examples/ai-lab', '--format', 'json', '--quiet', ...args], { encoding: 'utf8', cwd: root, maxBuffer: 64 * 1024 * 1024 });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Report;
}

describe('attack paths of examples/ai-lab (built CLI)', () => {
  const report = scan();

  it('no finding comes from the safe twins under safe/ (the example README says they stay quiet)', () => {
    expect(report.findings.filter((f) => f.location.path?.startsWith('safe/')).map((f) => `${f.ruleId} ${f.location.path}:${f.location.startLine}`)).toEqual([]);
  });
  const items = report.paths?.items ?? [];
  const summary = items.map((p) => `${p.ruleId} ${p.entry.assetId} → ${p.target.assetId}`);

  it('reports the planted paths with the right entry and target', () => {
    expect(summary).toEqual(expect.arrayContaining([
      'path/exposed-server-to-data k8s:ai-lab/RayCluster/trainer → tf:terraform/aws_s3_bucket.training',
      'path/untrusted-ci-to-model-store ci-job:.github/workflows/publish-model.yml#publish → tf:terraform/aws_sagemaker_model_package_group.models',
      'path/unsafe-model-to-credentials model-file:models/community-finetune.pt → llm-provider:anthropic',
      'path/leaked-key-to-ai-account secret:app/main.py#openai-api-key → llm-provider:openai',
    ]));
    expect(items[0].ruleId).toBe('path/exposed-server-to-data'); // the highest score leads
    const ray = items.find((p) => p.entry.assetId === 'k8s:ai-lab/RayCluster/trainer')!;
    expect(ray.steps.map((s) => [s.role, s.assetId, s.via ?? '', s.finding?.ruleId ?? ''])).toEqual([
      ['entry', 'k8s:ai-lab/RayCluster/trainer', '', 'k8s/ray-dashboard-exposed'],
      ['pivot', 'k8s:ai-lab/ServiceAccount/ray-trainer', 'assumes', ''],
      ['pivot', 'tf:terraform/aws_iam_role.ray_trainer', 'assumes', ''],
      ['target', 'tf:terraform/aws_s3_bucket.training', 'grants', 'tf/s3-bucket-unencrypted'],
    ]);
    expect(ray.steps[0].location).toEqual({ path: 'k8s/paths/ray-trainer.yaml', startLine: 20 }); // the head's serviceType: LoadBalancer
  });

  it('no path runs through a safe twin', () => {
    const steps = items.flatMap((p) => p.steps.map((s) => s.assetId));
    expect(steps.filter((id) => /trainer-safe|ranker-safe|(?:^|[:/])safe\//.test(id))).toEqual([]);
    expect(steps).not.toContain('k8s:ai-lab/RayCluster/research-safe');
  });

  it('every path is a finding, every step finding says it is on the path, every step names an asset', () => {
    const assets = new Set(report.assets.map((a) => a.id));
    const byFingerprint = new Map(report.findings.map((f) => [f.stableFingerprint, f]));
    for (const p of items) {
      const own = report.findings.find((f) => f.properties?.pathId === p.id);
      expect(own?.ruleId).toBe(p.ruleId);
      expect(own?.assetId).toBe(p.target.assetId);
      for (const s of p.steps) {
        expect(assets.has(s.assetId), s.assetId).toBe(true);
        if (s.finding) expect(byFingerprint.get(s.finding.fingerprint)?.onPaths, `${p.id} ${s.finding.ruleId}`).toContain(p.id);
      }
    }
    expect(report.rules.filter((r) => r.id.startsWith('path/')).length).toBeGreaterThanOrEqual(4);
  });

  it('secret and pickle findings name their asset', () => {
    const assets = new Map(report.assets.map((a) => [a.id, a]));
    const leaks = report.findings.filter((f) => f.category === 'secret' && f.ruleId.startsWith('secret/'));
    expect(leaks.length).toBeGreaterThan(5);
    for (const f of leaks) expect(assets.get(f.assetId ?? '')?.kind, f.ruleId).toBe('secret');
    const pickle = report.findings.find((f) => f.ruleId === 'model/pickle-code-execution');
    expect(pickle?.assetId).toBe('model-file:models/community-finetune.pt');
    expect(assets.get(pickle!.assetId!)?.kind).toBe('model');
  });

  it('is the same on a second run', () => {
    expect(JSON.stringify(scan().paths)).toBe(JSON.stringify(report.paths));
  });

  it('paths whose finding is filtered out leave the section (--check)', () => {
    const tfOnly = scan('--check', 'tf/*');
    expect(tfOnly.paths?.items).toEqual([]);
    expect(tfOnly.findings.some((f) => f.onPaths)).toBe(false);
    const one = scan('--check', 'path/untrusted-ci-to-model-store');
    expect(one.paths?.items.map((p) => p.ruleId)).toEqual(['path/untrusted-ci-to-model-store']);
  });

  it('a CI job that calls no AI is a graph node (confidence 0), kept only while a path or a finding names it', () => {
    const job = (r: Report, id: string) => r.assets.find((a) => a.id === id);
    // On a path (untrusted-ci-to-model-store) and named by gha findings; named by gha findings only.
    for (const id of ['ci-job:.github/workflows/publish-model.yml#publish', 'ci-job:.github/workflows/pr-eval.yml#auto-merge']) {
      expect(job(report, id), id).toMatchObject({ confidence: 0, properties: { callsAi: false } });
    }
    expect(job(report, 'ci-job:.github/workflows/pr-eval.yml#eval')).toMatchObject({ confidence: 0.9, properties: { callsAi: true } });
    // Without its gha findings and paths, nothing names auto-merge: it leaves the report.
    const tfOnly = scan('--check', 'tf/*');
    expect(job(tfOnly, 'ci-job:.github/workflows/pr-eval.yml#auto-merge')).toBeUndefined();
    expect(job(tfOnly, 'ci-job:.github/workflows/pr-eval.yml#eval')).toBeDefined();
    // Every finding of the report names an asset of the report.
    const ids = new Set(report.assets.map((a) => a.id));
    expect(report.findings.filter((f) => f.assetId && !ids.has(f.assetId)).map((f) => `${f.ruleId} ${f.assetId}`)).toEqual([]);
  });
});
