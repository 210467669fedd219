/**
 * One case per path rule: the path appears with the right entry and target, and removing one step
 * (the enabling finding or one edge) breaks it.
 */
import { describe, expect, it } from 'vitest';
import type { Asset, Finding } from '../../src/core/model.js';
import { attackPaths } from '../../src/paths/enricher.js';
import { PATH_RULES } from '../../src/paths/rules/index.js';
import { asset, finding } from './helpers.js';

function paths(assets: Asset[], findings: Finding[]) {
  return attackPaths(assets, findings).paths.items.map((p) => `${p.ruleId} ${p.entry.kind}:${p.entry.assetId} → ${p.target.kind}:${p.target.assetId} [${p.steps.map((s) => s.assetId).join(' > ')}]`);
}
const without = (list: Asset[], id: string, rel?: string): Asset[] =>
  list.map((a) => (a.id === id ? { ...a, relations: a.relations.filter((r) => rel !== undefined && r.target !== rel) } : a));

const EXPOSED = { exposure: [{ via: 'Service ml/ray (LoadBalancer)', path: 'ray.yaml', line: 9 }] };

describe('path/exposed-server-to-data', () => {
  const assets = [
    asset('k8s:ml/RayCluster/ray', 'workload', [['assumes', 'k8s:ml/ServiceAccount/ray']], EXPOSED),
    asset('k8s:ml/ServiceAccount/ray', 'cloud-resource', [['assumes', 'tf:aws_iam_role.ray']]),
    asset('tf:aws_iam_role.ray', 'cloud-resource', [['grants', 'tf:aws_s3_bucket.train']]),
    asset('tf:aws_s3_bucket.train', 'cloud-resource', [], { resourceType: 'aws_s3_bucket', resourceName: 'acme-training-data' }),
  ];
  const auth = finding('k8s/ray-no-token-auth', 'k8s:ml/RayCluster/ray', { severity: 'critical', path: 'ray.yaml', line: 16 });
  it('exposed Ray without auth → IRSA role → training bucket', () => {
    expect(paths(assets, [auth])).toEqual(['path/exposed-server-to-data internet-exposure:k8s:ml/RayCluster/ray → training-data:tf:aws_s3_bucket.train [k8s:ml/RayCluster/ray > k8s:ml/ServiceAccount/ray > tf:aws_iam_role.ray > tf:aws_s3_bucket.train]']);
  });
  it('no path without the finding that gives code execution, without exposure, or without the role edge', () => {
    expect(paths(assets, [])).toEqual([]);
    expect(paths(assets.map((a) => (a.id === 'k8s:ml/RayCluster/ray' ? { ...a, properties: {} } : a)), [auth])).toEqual([]);
    expect(paths(without(assets, 'k8s:ml/ServiceAccount/ray'), [auth])).toEqual([]);
  });
  it('a model bucket is a model store', () => {
    const models = assets.map((a) => (a.id === 'tf:aws_s3_bucket.train' ? { ...a, properties: { resourceType: 'aws_s3_bucket', resourceName: 'acme-model-artifacts' } } : a));
    expect(attackPaths(models, [auth]).paths.items[0].target.kind).toBe('model-store');
  });
});

describe('path/exposed-server-to-ai-account', () => {
  const assets = [
    asset('compose:c.yml#jupyter', 'workload', [['uses', 'k8s:ml/Secret/keys']], EXPOSED),
    asset('k8s:ml/Secret/keys', 'secret', [['grants', 'llm-provider:openai']]),
    asset('llm-provider:openai', 'llm-provider'),
  ];
  const jupyter = finding('compose/jupyter-empty-token', 'compose:c.yml#jupyter', { severity: 'critical' });
  it('exposed Jupyter without a token → Secret → OpenAI account (the Secret is a pivot, not a second target)', () => {
    expect(paths(assets, [jupyter])).toEqual(['path/exposed-server-to-ai-account internet-exposure:compose:c.yml#jupyter → ai-account:llm-provider:openai [compose:c.yml#jupyter > k8s:ml/Secret/keys > llm-provider:openai]']);
  });
  it('no path when the workload does not hold the Secret', () => {
    expect(paths(without(assets, 'compose:c.yml#jupyter'), [jupyter])).toEqual([]);
  });
  it('a package with a remote-code-execution advisory in the exposed server is an entry too', () => {
    const vuln = [...assets.map((a) => (a.id === 'compose:c.yml#jupyter' ? { ...a, relations: [...a.relations, { type: 'runs' as const, target: 'pkg:docker/acme/nb@1' }] } : a)), asset('pkg:docker/acme/nb@1', 'container-image', [['depends-on', 'pkg:pypi/nbserver@1.0']]), asset('pkg:pypi/nbserver@1.0', 'package')];
    const rce = finding('vuln/GHSA-xxxx-xxxx-xxxx', 'pkg:pypi/nbserver@1.0', { severity: 'critical', category: 'vulnerability', cwe: ['CWE-94'] });
    expect(attackPaths(vuln, [rce]).paths.items.map((p) => [p.ruleId, p.entry.kind, p.steps[0].finding?.ruleId])).toEqual([['path/exposed-server-to-ai-account', 'vulnerable-exposed-server', 'vuln/GHSA-xxxx-xxxx-xxxx']]);
    const dos = finding('vuln/GHSA-yyyy-yyyy-yyyy', 'pkg:pypi/nbserver@1.0', { severity: 'high', category: 'vulnerability', cwe: ['CWE-400'], title: 'Denial of service' });
    expect(attackPaths(vuln, [dos]).paths.items).toEqual([]);
  });
});

describe('path/exposed-workload-to-node', () => {
  const assets = [asset('k8s:ml/Pod/nb', 'gpu-workload', [], EXPOSED)];
  const entry = finding('k8s/jupyter-empty-token', 'k8s:ml/Pod/nb', { severity: 'critical' });
  const priv = finding('k8s/gpu-pod-privileged', 'k8s:ml/Pod/nb', { severity: 'high' });
  it('exposed Jupyter in a privileged pod → node', () => {
    expect(paths(assets, [entry, priv])).toEqual(['path/exposed-workload-to-node internet-exposure:k8s:ml/Pod/nb → node:node:k8s:ml/Pod/nb [k8s:ml/Pod/nb > node:k8s:ml/Pod/nb]']);
  });
  it('the escape step names the privilege finding and its line (the node itself is virtual)', () => {
    const last = attackPaths(assets, [entry, priv]).paths.items[0].steps.at(-1);
    expect([last?.via, last?.finding?.ruleId, last?.location?.path]).toEqual(['runs-on', 'k8s/gpu-pod-privileged', 'x.yaml']);
  });
  it('no path when the pod is not privileged', () => {
    expect(paths(assets, [entry])).toEqual([]);
  });
});

describe('path/untrusted-ci-to-model-store', () => {
  const assets = [
    asset('ci-job:.github/workflows/p.yml#publish', 'workload', [['assumes', 'tf:aws_iam_role.pub']]),
    asset('tf:aws_iam_role.pub', 'cloud-resource', [['grants', 'tf:aws_sagemaker_model_package_group.models']]),
    asset('tf:aws_sagemaker_model_package_group.models', 'cloud-resource', [], { resourceType: 'aws_sagemaker_model_package_group' }),
  ];
  const pwn = finding('gha/untrusted-checkout', 'ci-job:.github/workflows/p.yml#publish', { severity: 'critical' });
  it('pull_request_target checkout → OIDC role → model registry', () => {
    expect(paths(assets, [pwn])).toEqual(['path/untrusted-ci-to-model-store untrusted-ci-trigger:ci-job:.github/workflows/p.yml#publish → model-store:tf:aws_sagemaker_model_package_group.models [ci-job:.github/workflows/p.yml#publish > tf:aws_iam_role.pub > tf:aws_sagemaker_model_package_group.models]']);
  });
  it('no path without the untrusted-input finding, or without the role’s grant', () => {
    expect(paths(assets, [finding('gha/unpinned-uses', 'ci-job:.github/workflows/p.yml#publish')])).toEqual([]);
    expect(paths(without(assets, 'tf:aws_iam_role.pub'), [pwn])).toEqual([]);
  });
});

describe('path/untrusted-ci-to-credentials', () => {
  const assets = [
    asset('ci-job:.github/workflows/t.yml#triage', 'workload', [['uses', 'ci-secret:ANTHROPIC_API_KEY']]),
    asset('ci-secret:ANTHROPIC_API_KEY', 'secret', [['grants', 'llm-provider:anthropic']]),
  ];
  const inj = finding('gha/template-injection', 'ci-job:.github/workflows/t.yml#triage', { severity: 'high' });
  it('template injection → repository secret → Anthropic account (virtual provider node)', () => {
    expect(paths(assets, [inj])).toEqual(['path/untrusted-ci-to-credentials untrusted-ci-trigger:ci-job:.github/workflows/t.yml#triage → ai-account:llm-provider:anthropic [ci-job:.github/workflows/t.yml#triage > ci-secret:ANTHROPIC_API_KEY > llm-provider:anthropic]']);
  });
  it('no path when the job holds no secret', () => {
    expect(paths(without(assets, 'ci-job:.github/workflows/t.yml#triage'), [inj])).toEqual([]);
  });
});

describe('path/leaked-key-to-ai-account', () => {
  const key = asset('secret:app.py#openai-api-key', 'secret', [], { provider: 'OpenAI', llmjacking: true });
  const leak = finding('secret/openai-api-key', 'secret:app.py#openai-api-key', { severity: 'critical', category: 'secret', path: 'app.py', line: 3 });
  it('hard-coded OpenAI key → OpenAI account', () => {
    expect(paths([key], [leak])).toEqual(['path/leaked-key-to-ai-account leaked-credential:secret:app.py#openai-api-key → ai-account:llm-provider:openai [secret:app.py#openai-api-key > llm-provider:openai]']);
    expect(attackPaths([key], [leak]).paths.items[0].steps[0].location).toEqual({ path: 'app.py', startLine: 3 });
  });
  it('no path without the leak; an AWS key opens Bedrock only when the scan saw Bedrock', () => {
    expect(paths([key], [])).toEqual([]);
    const aws = asset('secret:main.tf#aws-access-key', 'secret', [], { provider: 'AWS' });
    const awsLeak = finding('secret/aws-access-key', 'secret:main.tf#aws-access-key', { severity: 'critical', category: 'secret' });
    expect(paths([aws], [awsLeak])).toEqual([]);
    expect(paths([aws, asset('llm-provider:bedrock', 'llm-provider')], [awsLeak])).toHaveLength(1);
  });
});

describe('path/unsafe-model-to-credentials', () => {
  const assets = [
    asset('model-file:models/ranker.pt', 'model'),
    asset('k8s:ml/Deployment/ranker', 'workload', [['uses', 'k8s:ml/Secret/keys']], { modelPaths: ['/srv/models/ranker.pt'] }),
    asset('k8s:ml/Secret/keys', 'secret', [['grants', 'llm-provider:openai']]),
  ];
  const pickle = finding('model/pickle-code-execution', 'model-file:models/ranker.pt', { severity: 'critical', category: 'unsafe-artifact' });
  it('pickle loaded by the ranker → its Secret → OpenAI account', () => {
    const p = attackPaths(assets, [pickle]).paths.items;
    expect(p.map((x) => [x.ruleId, x.steps.map((s) => `${s.assetId}${s.via ? `(${s.via})` : ''}`)])).toEqual([
      ['path/unsafe-model-to-credentials', ['model-file:models/ranker.pt', 'k8s:ml/Deployment/ranker(loaded-by)', 'k8s:ml/Secret/keys(uses)', 'llm-provider:openai(grants)']],
    ]);
  });
  it('no path when no workload loads the model, or the model is safe', () => {
    expect(paths(assets.map((a) => (a.id === 'k8s:ml/Deployment/ranker' ? { ...a, properties: { modelPaths: ['/srv/models/other.safetensors'] } } : a)), [pickle])).toEqual([]);
    expect(paths(assets, [finding('model/keras-vocabulary-path', 'model-file:models/ranker.pt', { severity: 'medium', category: 'unsafe-artifact' })])).toEqual([]);
  });
});

describe('path rules', () => {
  it('every rule has an id under path/, references and a firing case above', () => {
    for (const r of PATH_RULES) {
      expect(r.meta.id).toMatch(/^path\/[a-z0-9-]+$/);
      expect(r.meta.references.owaspLlm?.length).toBeGreaterThan(0);
      expect(r.meta.references.atlas?.length).toBeGreaterThan(0);
    }
  });
  it('each path is a finding on its target, located at the entry, and its steps are marked onPaths', () => {
    const key = asset('secret:app.py#openai-api-key', 'secret', [], { provider: 'OpenAI', llmjacking: true });
    const leak = finding('secret/openai-api-key', 'secret:app.py#openai-api-key', { severity: 'critical', category: 'secret', path: 'app.py', line: 3 });
    const res = attackPaths([key], [leak]);
    const id = res.paths.items[0].id;
    expect(id).toMatch(/^path-[0-9a-f]{16}$/);
    expect(res.findings).toHaveLength(1);
    expect(res.findings[0]).toMatchObject({ ruleId: 'path/leaked-key-to-ai-account', assetId: 'llm-provider:openai', location: { path: 'app.py', startLine: 3 }, onPaths: [id], properties: { pathId: id } });
    expect(res.findings[0].evidence).toBe('app.py#openai-api-key [secret/openai-api-key] → openai');
    expect(leak.onPaths).toEqual([id]);
  });
  it('caps the number of paths and counts the rest', () => {
    const assets: Asset[] = [];
    const findings: Finding[] = [];
    for (let i = 0; i < 30; i++) {
      assets.push(asset(`secret:f${i}.py#openai-api-key`, 'secret', [], { provider: 'OpenAI', llmjacking: true }));
      findings.push(finding('secret/openai-api-key', `secret:f${i}.py#openai-api-key`, { category: 'secret', path: `f${i}.py` }));
    }
    const res = attackPaths(assets, findings, { maxPaths: 10 });
    expect(res.paths.items).toHaveLength(10);
    expect(res.paths.omitted).toBe(20);
    expect(res.notes.map((n) => n.message)).toEqual(['20 more attack paths not listed (at most 10 per report and 25 per rule; the highest scores are kept)']);
    // One rule cannot crowd out the others: the per-rule cap leaves room for a CI path.
    assets.push(asset('ci-job:w.yml#j', 'workload', [['uses', 'ci-secret:X']]), asset('ci-secret:X', 'secret'));
    findings.push(finding('gha/untrusted-checkout', 'ci-job:w.yml#j', { severity: 'low' }));
    const capped = attackPaths(assets, findings, { maxPaths: 10, maxPathsPerRule: 5 });
    expect(capped.paths.items.map((p) => p.ruleId)).toEqual([...Array(5).fill('path/leaked-key-to-ai-account'), 'path/untrusted-ci-to-credentials']);
    expect(capped.paths.omitted).toBe(25);
  });
  it('walks cycles once and stops at its work budget with a note', () => {
    const cyc = [
      asset('k8s:ml/Deployment/api', 'workload', [['assumes', 'tf:r1']], EXPOSED),
      asset('tf:r1', 'cloud-resource', [['grants', 'tf:r2']]),
      asset('tf:r2', 'cloud-resource', [['grants', 'tf:r1'], ['grants', 'tf:b']]),
      asset('tf:b', 'cloud-resource', [], { resourceType: 'aws_s3_bucket' }),
    ];
    const entry = finding('k8s/jupyter-empty-token', 'k8s:ml/Deployment/api', { severity: 'critical' });
    expect(attackPaths(cyc, [entry]).paths.items.map((p) => p.steps.length)).toEqual([4]);
    const stopped = attackPaths([...cyc, asset('k8s:ml/Deployment/zz', 'workload', [['assumes', 'tf:r1']], EXPOSED)], [entry, finding('k8s/jupyter-empty-token', 'k8s:ml/Deployment/zz')], { maxEdgeVisits: 2 });
    expect(stopped.notes.map((n) => n.message)).toContain('attack paths: work budget reached; some entries were not followed');
    expect(stopped.paths.items).toHaveLength(1);
  });
  it('folds step sequences between the same entry and target into variants', () => {
    const assets = [
      asset('k8s:ml/Deployment/api', 'workload', [['uses', 'k8s:ml/Secret/a'], ['uses', 'k8s:ml/Secret/b']], EXPOSED),
      asset('k8s:ml/Secret/a', 'secret', [['grants', 'llm-provider:openai']]),
      asset('k8s:ml/Secret/b', 'secret', [['grants', 'llm-provider:openai']]),
    ];
    const items = attackPaths(assets, [finding('k8s/jupyter-empty-token', 'k8s:ml/Deployment/api', { severity: 'critical' })]).paths.items;
    expect(items).toHaveLength(1);
    expect(items[0].variants).toBe(1);
    expect(items[0].steps[1].assetId).toBe('k8s:ml/Secret/a');
  });
});

describe('entries that give API access only', () => {
  const assets = [
    asset('k8s:ml/Deployment/vllm', 'ai-server', [['assumes', 'tf:aws_iam_role.r']], EXPOSED),
    asset('tf:aws_iam_role.r', 'cloud-resource', [['grants', 'tf:aws_s3_bucket.train']]),
    asset('tf:aws_s3_bucket.train', 'cloud-resource', [], { resourceType: 'aws_s3_bucket', resourceName: 'training' }),
  ];
  it('an exposed vLLM without an API key is an entry, scored below code execution', () => {
    const open = attackPaths(assets, [finding('k8s/llm-server-no-api-key', 'k8s:ml/Deployment/vllm', { severity: 'high' })]).paths.items;
    const rce = attackPaths(assets, [finding('k8s/ray-no-token-auth', 'k8s:ml/Deployment/vllm', { severity: 'high' })]).paths.items;
    expect(open.map((p) => p.ruleId)).toEqual(['path/exposed-server-to-data']);
    expect(open[0].score).toBeLessThan(rce[0].score);
  });
  it('is no entry when the server is not exposed', () => {
    const internal = assets.map((a) => (a.id === 'k8s:ml/Deployment/vllm' ? { ...a, properties: {} } : a));
    expect(attackPaths(internal, [finding('k8s/llm-server-no-api-key', 'k8s:ml/Deployment/vllm', { severity: 'high' })]).paths.items).toEqual([]);
  });
});
