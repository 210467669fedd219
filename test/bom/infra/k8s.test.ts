import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { k8sAnalyzer } from '../../../src/discovery/infra/k8s.js';
import { analyze, ids, sightings } from '../helpers.js';

const fx = readFileSync(join(import.meta.dirname, 'fixtures', 'ai-stack.yaml'));

describe('Kubernetes discovery', () => {
  it('reads Lists, AI CRDs and workloads in a multi-document file, with lines', async () => {
    const { assets } = await analyze(k8sAnalyzer, 'deploy/ai-stack.yaml', fx);
    expect(sightings(assets)).toEqual(expect.arrayContaining([
      'k8s:nim/NIMService/llama3-nim@5',
      'pkg:docker/nim/meta/llama-3.1-8b-instruct@1.3.3?repository_url=nvcr.io@10',
      'k8s:default/LeaderWorkerSet/vllm-multinode@18',
      'pkg:huggingface/meta-llama/Llama-3.1-405B-Instruct@33',
      'k8s:default/Job/finetune@41',
      'pkg:huggingface/mistralai/Mistral-7B-v0.3@51',
      'llm-provider:openai@53',
    ]));
    const nim = assets.find((a) => a.id === 'k8s:nim/NIMService/llama3-nim')!;
    expect(nim.kind).toBe('ai-server');
    expect(nim.properties.accelerators).toEqual({ 'nvidia.com/gpu': 1 });
    const job = assets.find((a) => a.id === 'k8s:default/Job/finetune')!;
    expect(job.relations).toEqual(expect.arrayContaining([{ type: 'serves', target: 'pkg:huggingface/mistralai/Mistral-7B-v0.3' }, { type: 'uses', target: 'llm-provider:openai' }]));
  });

  it('notes the broken document and keeps the valid ones', async () => {
    const { notes, assets } = await analyze(k8sAnalyzer, 'deploy/ai-stack.yaml', fx);
    expect(notes).toHaveLength(1);
    expect(notes[0].message).toMatch(/YAML document skipped/);
    expect(assets.length).toBeGreaterThan(3);
  });

  it('does not report non-AI workloads', async () => {
    const { assets } = await analyze(k8sAnalyzer, 'deploy/ai-stack.yaml', fx);
    expect(ids(assets).some((i) => i.includes('redis'))).toBe(false);
  });

  it('skips unrendered Helm templates with an info note', async () => {
    const { assets, notes } = await analyze(k8sAnalyzer, 'chart/templates/deploy.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n');
    expect(assets).toEqual([]);
    expect(notes[0].level).toBe('info');
  });

  it('ignores YAML that is not Kubernetes', async () => {
    const { assets, notes } = await analyze(k8sAnalyzer, '.github/workflows/ci.yml', 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n');
    expect(assets).toEqual([]);
    expect(notes).toEqual([]);
  });
});

describe('k8s Services across files (whole-target)', () => {
  it('a Service in one file exposes the AI Deployment of another; a Service of another namespace does not', async () => {
    const { runPipeline } = await import('../../../src/pipeline/scan.js');
    const { bufferFile } = await import('../../../src/core/buffer-file.js');
    const { k8sAnalyzer } = await import('../../../src/discovery/infra/k8s.js');
    const files: Record<string, string> = {
      'deploy/vllm.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: vllm\n  namespace: ml\nspec:\n  template:\n    metadata:\n      labels:\n        app: vllm\n    spec:\n      containers:\n        - name: server\n          image: vllm/vllm-openai:v0.6.3\n',
      'net/service.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: vllm\n  namespace: ml\nspec:\n  type: LoadBalancer\n  selector:\n    app: vllm\n  ports:\n    - port: 8000\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: vllm\n  namespace: other\nspec:\n  selector:\n    app: vllm\n',
    };
    const made = new Map(Object.entries(files).map(([p, c]) => [p, bufferFile(p, c)]));
    const res = await runPipeline(
      { name: 'mem', type: 'directory', notes: [], index: async () => [...made.values()].map((f) => ({ path: f.path, name: f.name, ext: f.ext, size: f.size })), async *open(list) { for (const f of list) yield made.get(f.path)!; }, get: (p) => made.get(p) },
      { analyzers: [k8sAnalyzer] },
    );
    const svc = res.assets.find((a) => a.id === 'k8s:ml/Service/vllm');
    expect(svc?.properties).toMatchObject({ serviceType: 'LoadBalancer', exposes: ['k8s:ml/Deployment/vllm'] });
    expect(svc?.locations).toEqual([{ path: 'net/service.yaml', startLine: 2 }]);
    const deploy = res.assets.find((a) => a.id === 'k8s:ml/Deployment/vllm');
    expect(deploy?.locations[0].path).toBe('deploy/vllm.yaml');
    expect(deploy?.relations).toContainEqual({ type: 'exposes', target: 'k8s:ml/Service/vllm' });
    expect(res.assets.some((a) => a.id === 'k8s:other/Service/vllm')).toBe(false);
  });
});
