/** The graph: whole-scan edge kinds (secret → provider, workload → model file, privileged → node) and determinism. */
import { describe, expect, it } from 'vitest';
import type { Asset, Finding } from '../../src/core/model.js';
import { modelRefEdges } from '../../src/paths/edges/model-refs.js';
import { privilegedNodeEdges } from '../../src/paths/edges/privileged-node.js';
import { secretProviderEdges } from '../../src/paths/edges/secret-provider.js';
import { attackPaths } from '../../src/paths/enricher.js';
import { buildGraph } from '../../src/paths/graph.js';
import { prng } from '../support/prng.js';
import { asset, finding } from './helpers.js';

describe('edge: leaked key → provider account', () => {
  it('maps catalogue providers to discovery provider ids; skips providers that are no account', () => {
    const assets = [
      asset('secret:a#openai-api-key', 'secret', [], { provider: 'OpenAI', llmjacking: true }),
      asset('secret:a#mistral-api-key', 'secret', [], { provider: 'Mistral AI', llmjacking: true }),
      asset('secret:a#pinecone-api-key', 'secret', [], { provider: 'Pinecone' }),
    ];
    expect(secretProviderEdges(assets, () => false).map((e) => `${e.from} → ${e.to}`)).toEqual(['secret:a#openai-api-key → llm-provider:openai', 'secret:a#mistral-api-key → llm-provider:mistral']);
  });
});

describe('edge: workload → model file (resolution)', () => {
  const files = [asset('model-file:models/a/ranker.pt', 'model'), asset('model-file:models/b/ranker.pt', 'model'), asset('model-file:ckpt/unique.pkl', 'model')];
  const w = (refs: string[]) => asset('k8s:ml/Deployment/w', 'workload', [], { modelPaths: refs });
  const resolve = (refs: string[]) => modelRefEdges([...files, w(refs)]).map((e) => e.to);
  it('matches a path suffix, else a file name only one model file has', () => {
    expect(resolve(['/srv/models/a/ranker.pt'])).toEqual(['model-file:models/a/ranker.pt']);
    expect(resolve(['/opt/unique.pkl'])).toEqual(['model-file:ckpt/unique.pkl']);
  });
  it('joins nothing on an ambiguous file name', () => {
    expect(resolve(['/opt/ranker.pt'])).toEqual([]);
  });
});

describe('edge: privileged workload → node', () => {
  it('one virtual node per workload with an escape finding', () => {
    const fs = [finding('k8s/gpu-pod-privileged', 'k8s:ml/Pod/p'), finding('k8s/gpu-pod-host-path', 'k8s:ml/Pod/p'), finding('k8s/sa-token-automount', 'k8s:ml/Pod/q')];
    expect(privilegedNodeEdges(fs).map((e) => `${e.from} -${e.type}-> ${e.to}`)).toEqual(['k8s:ml/Pod/p -runs-on-> node:k8s:ml/Pod/p']);
  });
});

describe('graph', () => {
  it('keeps edges to unknown assets out, except virtual provider nodes', () => {
    const g = buildGraph([asset('a:x', 'workload', [['uses', 'missing:y'], ['grants', 'llm-provider:groq']])], []);
    expect(g.ids).toEqual(['a:x', 'llm-provider:groq']);
    expect(Array.from(g.out.targets)).toEqual([1]);
  });
});

/** A small estate with several paths of every kind. */
function estate(): { assets: Asset[]; findings: Finding[] } {
  const assets: Asset[] = [];
  const findings: Finding[] = [];
  const exposed = { exposure: [{ via: 'Service (LoadBalancer)', path: 'k.yaml', line: 3 }] };
  for (let i = 0; i < 6; i++) {
    assets.push(asset(`k8s:ml/RayCluster/r${i}`, 'workload', [['assumes', `k8s:ml/ServiceAccount/sa${i % 2}`], ['uses', 'k8s:ml/Secret/keys']], exposed));
    findings.push(finding('k8s/ray-no-token-auth', `k8s:ml/RayCluster/r${i}`, { severity: i % 2 ? 'critical' : 'high', path: `r${i}.yaml` }));
    assets.push(asset(`secret:f${i}.py#openai-api-key`, 'secret', [], { provider: 'OpenAI', llmjacking: true }));
    findings.push(finding('secret/openai-api-key', `secret:f${i}.py#openai-api-key`, { category: 'secret', path: `f${i}.py` }));
  }
  assets.push(
    asset('k8s:ml/ServiceAccount/sa0', 'cloud-resource', [['assumes', 'tf:aws_iam_role.r0']]),
    asset('k8s:ml/ServiceAccount/sa1', 'cloud-resource', [['assumes', 'tf:aws_iam_role.r1']]),
    asset('tf:aws_iam_role.r0', 'cloud-resource', [['grants', 'tf:aws_s3_bucket.data'], ['grants', 'llm-provider:bedrock']]),
    asset('tf:aws_iam_role.r1', 'cloud-resource', [['grants', 'tf:aws_s3_bucket.models']]),
    asset('tf:aws_s3_bucket.data', 'cloud-resource', [], { resourceType: 'aws_s3_bucket', resourceName: 'training' }),
    asset('tf:aws_s3_bucket.models', 'cloud-resource', [], { resourceType: 'aws_s3_bucket', resourceName: 'models' }),
    asset('k8s:ml/Secret/keys', 'secret', [['grants', 'llm-provider:anthropic']]),
  );
  findings.push(finding('tf/s3-bucket-unencrypted', 'tf:aws_s3_bucket.data', { severity: 'medium', path: 'main.tf' }));
  return { assets, findings };
}

function shuffled<T>(list: T[], rand: () => number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe('determinism', () => {
  it('the same estate in any order gives the same paths, ids, order and onPaths', () => {
    const base = estate();
    const ref = attackPaths(base.assets, base.findings);
    expect(ref.paths.items.length).toBeGreaterThan(10);
    const onPaths = (fs: Finding[]) => fs.filter((f) => f.onPaths).map((f) => `${f.stableFingerprint}:${f.onPaths!.join(',')}`).sort();
    const rand = prng(16);
    for (let round = 0; round < 5; round++) {
      const e = estate();
      const assets = shuffled(e.assets, rand).map((a) => ({ ...a, relations: shuffled(a.relations, rand) }));
      const findings = shuffled(e.findings, rand);
      const res = attackPaths(assets, findings);
      expect(JSON.stringify(res.paths)).toBe(JSON.stringify(ref.paths));
      expect(res.findings.map((f) => f.stableFingerprint)).toEqual(ref.findings.map((f) => f.stableFingerprint));
      expect(onPaths(findings)).toEqual(onPaths(base.findings));
    }
  });
});
