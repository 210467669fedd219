/**
 * `k8s/nvidia-toolkit-vulnerable`: NVIDIA Container Toolkit / GPU Operator images below the fixed
 * versions, in manifests (shared check) and in the GPU Operator chart's Helm values
 * (`toolkit.version`, `operator.version`).
 */
import type { K8sProject } from '../../documents/kubernetes/index.js';
import { isObj } from '../../documents/kubernetes/parse.js';
import { nvidiaToolkitVulnerable as shared } from '../ai-servers/checks.js';
import { k8sRunRule } from '../ai-servers/rule-factory.js';
import type { PostureHit, PostureRule } from '../rule.js';

const manifests = k8sRunRule({ id: 'k8s/nvidia-toolkit-vulnerable' }, shared);

const COMPONENTS = [
  { key: 'toolkit', repository: 'nvcr.io/nvidia/k8s', image: 'container-toolkit' },
  { key: 'operator', repository: 'nvcr.io/nvidia', image: 'gpu-operator' },
] as const;

export const nvidiaToolkitVulnerable: PostureRule<K8sProject> = {
  meta: manifests.meta,
  check(p) {
    const out: PostureHit[] = manifests.check(p);
    for (const { path, parse } of p.values) {
      const doc = parse.docs[0];
      if (!doc || !isObj(doc.value)) continue;
      const values = doc.value;
      for (const c of COMPONENTS) {
        const v = values[c.key];
        if (!isObj(v) || (typeof v.version !== 'string' && typeof v.version !== 'number')) continue;
        const image = `${typeof v.repository === 'string' ? v.repository : c.repository}/${typeof v.image === 'string' ? v.image : c.image}:${String(v.version)}`;
        const line = doc.lineOf([c.key, 'version']);
        const found = shared.check({ path, assetId: `helm:${path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '.'}`, key: `values/${c.key}`, label: `Helm values ${c.key}`, line, image: { value: image, line }, argv: [], env: [], ports: [], gpu: true, exposure: [] });
        for (const f of found) out.push({ path, line: f.line, message: f.message, evidence: `${c.key}.version: ${String(v.version)}`, assetId: `helm:${path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '.'}`, key: `values/${c.key}` });
      }
    }
    return out;
  },
};
