/**
 * A hand-built Report with attack paths (the `paths` contract of src/core/model.ts), for the
 * formatters until the paths engine fills `Report.paths` in real scans. Realistic estate: an
 * internet-facing vLLM Service → its Deployment → the IRSA role of its service account → the
 * training-data bucket; a leaked OpenAI key → the billed provider account; a pickle model loaded by
 * the serving workload → the model store. `hostile` puts `<script>`/`</script>` in file names,
 * evidence and asset names.
 */
import type { AttackPath, Finding, Report, RuleMeta } from '../../src/core/model.js';
import { makeFinding } from '../../src/core/finding.js';

const rule = (id: string, title: string, severity: RuleMeta['severity'], category: RuleMeta['category']): RuleMeta => ({
  id,
  title,
  severity,
  category,
  description: `${title}.`,
  remediation: `Fix: ${title.toLowerCase()}.`,
  references: { cwe: ['CWE-284'] },
});

export const pathRules = {
  svc: rule('k8s/service-public-load-balancer', 'Service exposed through a public load balancer', 'high', 'exposure'),
  vllm: rule('k8s/vllm-no-api-key', 'vLLM server without --api-key', 'high', 'misconfiguration'),
  irsa: rule('k8s/irsa-role-on-serving-workload', 'Serving workload assumes a cloud role', 'medium', 'misconfiguration'),
  s3: rule('tf/iam-s3-wildcard-on-training-bucket', 'Role can read and write the training bucket', 'high', 'misconfiguration'),
  key: rule('secret/openai-api-key', 'OpenAI API key', 'critical', 'secret'),
  pickle: rule('model/pickle-unsafe-global', 'Pickle imports a dangerous global', 'high', 'unsafe-artifact'),
  cve: rule('vuln/image-os-package', 'Operating-system package with a known vulnerability in a container image', 'high', 'vulnerability'),
  pathData: rule('path/internet-to-training-data', 'Internet to training data', 'critical', 'exposure'),
  pathKey: rule('path/leaked-key-to-ai-account', 'Leaked credential to a billed AI account', 'critical', 'secret'),
  pathModel: rule('path/model-artifact-to-model-store', 'Unsafe model artifact to the model store', 'high', 'unsafe-artifact'),
};

const A = {
  svc: 'k8s:Service/ml/vllm',
  deploy: 'k8s:Deployment/ml/vllm',
  role: 'aws:iam-role/vllm-serving',
  bucket: 'aws:s3-bucket/acme-training-data',
  secret: 'secret:.env/OPENAI_API_KEY',
  openai: 'llm-provider:openai',
  model: 'model-file:models/reranker.pt',
  store: 'aws:s3-bucket/acme-model-registry',
};

export function pathReport(opts: { hostile?: boolean } = {}): Report {
  const h = opts.hostile ? '<script>alert(1)</script>' : '';
  const svcFile = opts.hostile ? 'k8s/</script><script>alert(2)</script>.yaml' : 'k8s/vllm-service.yaml';
  const f = {
    svc: makeFinding(pathRules.svc, { location: { path: svcFile, startLine: 7 }, message: `Service ml/vllm${h} is type LoadBalancer without loadBalancerSourceRanges.`, evidence: 'type: LoadBalancer', assetId: A.svc }),
    vllm: makeFinding(pathRules.vllm, { location: { path: 'k8s/vllm-deployment.yaml', startLine: 24 }, message: 'vllm serve runs without --api-key: anyone who reaches the port can use the model.', evidence: opts.hostile ? '</script><img src=x onerror=alert(3)>' : 'args: [--model, meta-llama/Llama-3.1-8B-Instruct]', assetId: A.deploy }),
    irsa: makeFinding(pathRules.irsa, { location: { path: 'k8s/serviceaccount.yaml', startLine: 6 }, message: 'Service account ml/vllm assumes arn:aws:iam::123456789012:role/vllm-serving.', evidence: 'eks.amazonaws.com/role-arn', assetId: A.role }),
    s3: makeFinding(pathRules.s3, { location: { path: 'terraform/iam.tf', startLine: 31 }, message: 'Policy grants s3:* on arn:aws:s3:::acme-training-data/*.', evidence: 'Action = "s3:*"', assetId: A.bucket }),
    key: makeFinding(pathRules.key, { location: { path: '.env', startLine: 3 }, message: 'OpenAI project key assigned to OPENAI_API_KEY.', evidence: 'sk-proj-…(164 chars)', assetId: A.secret }),
    pickle: makeFinding(pathRules.pickle, { location: { path: 'models/reranker.pt', member: 'archive/data.pkl' }, message: 'The pickle calls posix.system.', evidence: 'posix.system', assetId: A.model }),
    cve: makeFinding(pathRules.cve, { location: { path: 'reports/trivy-vllm.json' }, message: 'openssl 3.0.11-1~deb12u2 in vllm/vllm-openai:v0.6.3 has CVE-2024-5535.', evidence: 'openssl 3.0.11-1~deb12u2', assetId: 'pkg:docker/vllm/vllm-openai@v0.6.3', references: { cve: ['CVE-2024-5535'] } }),
    lowInfo: makeFinding(rule('k8s/no-resource-limits', 'Container without resource limits', 'low', 'misconfiguration'), { location: { path: 'k8s/vllm-deployment.yaml', startLine: 18 }, message: 'Container vllm sets no memory limit.', assetId: A.deploy }),
  };
  const step = (role: 'entry' | 'pivot' | 'target', assetId: string, assetKind: AttackPath['steps'][number]['assetKind'], assetName: string, description: string, finding?: Finding, via?: string, location?: Report['findings'][number]['location']): AttackPath['steps'][number] => ({
    role,
    assetId,
    assetKind,
    assetName,
    description,
    ...(via ? { via } : {}),
    ...(finding ? { finding: { ruleId: finding.ruleId, fingerprint: finding.stableFingerprint! } } : {}),
    ...(finding || location ? { location: location ?? finding!.location } : {}),
  });
  const paths: AttackPath[] = [
    {
      id: 'path-3f9a1c2e',
      ruleId: pathRules.pathData.id,
      title: `Internet → vLLM${h} → IRSA role → training data`,
      severity: 'critical',
      score: 92,
      entry: { kind: 'internet-exposure', assetId: A.svc },
      target: { kind: 'training-data', assetId: A.bucket },
      steps: [
        step('entry', A.svc, 'workload', `Service ml/vllm${h}`, 'A public load balancer forwards port 8000 to vLLM.', f.svc),
        step('pivot', A.deploy, 'ai-server', 'Deployment ml/vllm', 'vLLM answers without an API key; a server CVE gives code execution.', f.vllm, 'exposes'),
        step('pivot', A.role, 'cloud-resource', 'IAM role vllm-serving', 'The pod’s web identity token assumes the role.', f.irsa, 'assumes'),
        step('target', A.bucket, 'dataset', 's3://acme-training-data', 'The role may read and overwrite training data.', f.s3, 'grants'),
      ],
      variants: 1,
    },
    {
      id: 'path-7b21d0aa',
      ruleId: pathRules.pathKey.id,
      title: 'Leaked OpenAI key → billed OpenAI account',
      severity: 'critical',
      score: 85,
      entry: { kind: 'leaked-credential', assetId: A.secret },
      target: { kind: 'ai-account', assetId: A.openai },
      steps: [
        step('entry', A.secret, 'secret', 'OPENAI_API_KEY in .env', 'Anyone with the repository holds a live key.', f.key),
        step('target', A.openai, 'llm-provider', 'OpenAI account', 'Model usage is billed to the owner (LLMjacking).', undefined, 'uses', { path: 'app/llm.py', startLine: 9 }),
      ],
    },
    {
      id: 'path-c04e88f1',
      ruleId: pathRules.pathModel.id,
      title: 'Pickle model loaded by vLLM → model registry',
      severity: 'high',
      score: 71,
      entry: { kind: 'unsafe-model-artifact', assetId: A.model },
      target: { kind: 'model-store', assetId: A.store },
      steps: [
        step('entry', A.model, 'model', 'models/reranker.pt', 'Loading the pickle runs posix.system.', f.pickle),
        step('pivot', A.deploy, 'ai-server', 'Deployment ml/vllm', 'The serving workload loads the model at start-up.', undefined, 'loads', { path: 'k8s/vllm-deployment.yaml', startLine: 26 }),
        step('pivot', A.role, 'cloud-resource', 'IAM role vllm-serving', 'The pod’s web identity token assumes the role.', f.irsa, 'assumes'),
        step('target', A.store, 'cloud-resource', 's3://acme-model-registry', 'The role may replace published models.', undefined, 'writes', { path: 'terraform/iam.tf', startLine: 44 }),
      ],
    },
  ];
  const pathFinding = (p: AttackPath, r: RuleMeta): Finding => {
    const entryLoc = p.steps[0].location ?? {};
    const pf = makeFinding(r, { location: entryLoc, message: `${p.title} (score ${p.score}, ${p.steps.length} steps).`, severity: p.severity, assetId: p.target.assetId, fingerprintSalt: p.id, properties: { pathId: p.id, score: p.score } });
    return { ...pf, onPaths: [p.id] };
  };
  const on = (x: Finding, ...ids: string[]): Finding => ({ ...x, onPaths: ids });
  const findings: Finding[] = [
    pathFinding(paths[0], pathRules.pathData),
    pathFinding(paths[1], pathRules.pathKey),
    on(f.key, paths[1].id),
    pathFinding(paths[2], pathRules.pathModel),
    on(f.svc, paths[0].id),
    on(f.vllm, paths[0].id),
    on(f.s3, paths[0].id),
    on(f.pickle, paths[2].id),
    f.cve,
    on(f.irsa, paths[0].id, paths[2].id),
    f.lowInfo,
  ];
  const suppressedFinding = makeFinding(pathRules.key, { location: { path: 'docs/example.env', startLine: 1 }, message: 'OpenAI key in docs.', evidence: 'sk-…(51 chars)', assetId: 'secret:docs/example.env/OPENAI_API_KEY' });
  return {
    schemaVersion: 1,
    tool: { name: 'aigis', version: '0.1.0' },
    command: 'scan',
    target: { name: 'examples/ai-lab', type: 'directory' },
    createdAt: '2026-01-01T00:00:00.000Z',
    findings,
    suppressed: [{ finding: suppressedFinding, by: 'ignore-file', reason: 'documentation example, revoked', expires: '2030-01-01' }],
    assets: [
      { id: A.deploy, kind: 'ai-server', name: `vllm${h}`, locations: [{ path: 'k8s/vllm-deployment.yaml', startLine: 1 }], properties: { server: 'vLLM' }, relations: [{ type: 'runs', target: 'pkg:docker/vllm/vllm-openai@v0.6.3' }, { type: 'assumes', target: A.role }] },
      { id: 'hf:meta-llama/Llama-3.1-8B-Instruct', kind: 'model', name: 'meta-llama/Llama-3.1-8B-Instruct', locations: [{ path: 'k8s/vllm-deployment.yaml', startLine: 24 }], properties: { source: 'huggingface' }, relations: [] },
      { id: A.model, kind: 'model', name: 'reranker.pt', locations: [{ path: 'models/reranker.pt' }], properties: { format: 'pytorch' }, relations: [] },
      { id: A.openai, kind: 'llm-provider', name: 'OpenAI', locations: [{ path: 'app/llm.py', startLine: 9 }], properties: {}, relations: [] },
      { id: 'pkg:docker/vllm/vllm-openai@v0.6.3', kind: 'container-image', name: 'vllm/vllm-openai:v0.6.3', version: 'v0.6.3', locations: [{ path: 'k8s/vllm-deployment.yaml', startLine: 20 }], properties: { aiImage: 'vLLM' }, relations: [] },
      { id: 'pkg:pypi/torch@2.5.1', kind: 'package', name: 'torch', version: '2.5.1', locations: [{ path: 'requirements.txt', startLine: 1 }], properties: { ecosystem: 'PyPI', aiCategory: 'framework' }, relations: [] },
      { id: A.bucket, kind: 'cloud-resource', name: 'acme-training-data', locations: [{ path: 'terraform/s3.tf', startLine: 1 }], properties: {}, relations: [] },
    ],
    notes: [{ level: 'warning', path: 'data/big.bin', message: 'over the read budget; streamed', source: 'target' }],
    stats: { files: 42, bytes: 123456, skipped: 3, durationMs: 87 },
    rules: Object.values(pathRules),
    paths: { version: 1, items: paths },
  };
}
