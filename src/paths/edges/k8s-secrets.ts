/**
 * Edge kind: workload ─uses→ Kubernetes Secret ─grants→ AI provider account.
 * Environment variables from `secretKeyRef` and `envFrom.secretRef` put the Secret's values in the
 * process: code execution in the container reads them. A Secret whose keys name a provider credential
 * (`OPENAI_API_KEY`, `HF_TOKEN` …) opens that provider's account.
 */
import type { Asset } from '../../core/model.js';
import { providerOfEnvKey } from '../../catalog/ai-endpoints.js';
import type { K8sProject } from '../../documents/kubernetes/index.js';
import { containerEnvRefs } from '../../documents/kubernetes/env.js';
import { isObj } from '../../documents/kubernetes/parse.js';
import { pushUnique, workloadStub } from './workload.js';

export function k8sSecretEdges(project: K8sProject): Asset[] {
  const secrets = new Map<string, Asset>();
  for (const o of project.objects) {
    if (o.kind !== 'Secret') continue;
    const keys = [...Object.keys(isObj(o.value.data) ? o.value.data : {}), ...Object.keys(isObj(o.value.stringData) ? o.value.stringData : {})];
    const a: Asset = { id: `k8s:${o.namespace}/Secret/${o.name}`, kind: 'secret', name: `Secret/${o.name}`, locations: [{ path: o.path, startLine: o.line }], properties: { platform: 'kubernetes', namespace: o.namespace, keys: keys.slice(0, 50) }, relations: [] };
    for (const k of keys) {
      const p = providerOfEnvKey(k);
      if (p) pushUnique(a.relations, { type: 'grants', target: `llm-provider:${p}` });
    }
    secrets.set(`${o.namespace}/${o.name}`, a);
  }
  const out = new Map<string, Asset>();
  for (const run of project.runs) {
    const o = run.pod.object;
    const names = new Set(containerEnvRefs(run.container.value).filter((r) => r.kind === 'Secret').map((r) => r.name));
    for (const n of [...names].sort()) {
      const s = secrets.get(`${o.namespace}/${n}`);
      if (!s) continue;
      const w = out.get(run.assetId) ?? workloadStub(run, `${o.kind}/${o.name}`, {});
      pushUnique(w.relations, { type: 'uses', target: s.id });
      out.set(run.assetId, w);
      out.set(s.id, s);
    }
  }
  return [...out.values()];
}
