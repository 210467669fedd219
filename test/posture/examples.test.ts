/** The bundled example's posture cases: each vulnerable file fires, each safe twin stays quiet. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeKind } from '../../src/documents/compose/index.js';
import { kubernetesKind } from '../../src/documents/kubernetes/index.js';
import { composeRules } from '../../src/posture/compose/index.js';
import { kubernetesRules } from '../../src/posture/kubernetes/index.js';
import type { DocumentKind, PostureRule } from '../../src/posture/rule.js';

const LAB = join(import.meta.dirname, '..', '..', 'examples', 'ai-lab');

function fired<D, P>(kind: DocumentKind<D, P>, rules: PostureRule<P>[], path: string): string[] {
  const document = kind.parse({ path, text: readFileSync(join(LAB, path), 'utf8') }).document!;
  const out: string[] = [];
  for (const project of kind.project([{ path, document }])) for (const r of rules) for (const h of r.check(project)) out.push(`${r.meta.id}:${h.line}`);
  return out.sort();
}

describe('examples/ai-lab posture cases', () => {
  it('exposed Ray without auth fires; its twin is quiet', () => {
    expect(fired(kubernetesKind, kubernetesRules, 'k8s/posture/ray-exposed.yaml')).toEqual(['k8s/ray-dashboard-exposed:10', 'k8s/ray-no-token-auth:16', 'k8s/sa-token-automount:14']);
    expect(fired(kubernetesKind, kubernetesRules, 'k8s/posture/ray-internal.yaml')).toEqual([]);
  });
  it('GPU pod with LD_PRELOAD and an old toolkit fires; its twin is quiet', () => {
    expect(fired(kubernetesKind, kubernetesRules, 'k8s/posture/gpu-train.yaml')).toEqual([
      'k8s/gpu-pod-host-namespace:9', 'k8s/gpu-pod-host-path:27', 'k8s/gpu-pod-privileged:17', 'k8s/ld-preload-gpu:14', 'k8s/nvidia-toolkit-vulnerable:43',
    ]);
    expect(fired(kubernetesKind, kubernetesRules, 'k8s/posture/gpu-train-safe.yaml')).toEqual([]);
  });
  it('Ollama published on all interfaces fires; the localhost twin is quiet', () => {
    expect(fired(composeKind, composeRules, 'docker-compose.yml')).toEqual(['compose/ollama-exposed:5']);
    expect(fired(composeKind, composeRules, 'docker-compose.safe.yml')).toEqual([]);
  });
});
