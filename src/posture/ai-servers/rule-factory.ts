/**
 * Turns a shared run-view check into the posture rule of one document kind (its own id and the
 * equivalent ids of other tools), so that `k8s/ollama-exposed` and `compose/ollama-exposed` read
 * the same logic over their own documents.
 */
import type { ComposeProject } from '../../documents/compose/index.js';
import type { DockerfileProject } from '../../documents/dockerfile/index.js';
import type { K8sProject } from '../../documents/kubernetes/index.js';
import type { PostureRule } from '../rule.js';
import { runHits, type RunCheck } from './checks.js';

type Meta = { id: string; aliases?: string[] };

export function k8sRunRule(meta: Meta, base: RunCheck): PostureRule<K8sProject> {
  return { meta: { ...base.meta, ...meta }, check: (p) => p.runs.flatMap((r) => runHits(r, base.check(r))) };
}

export function composeRunRule(meta: Meta, base: RunCheck): PostureRule<ComposeProject> {
  return { meta: { ...base.meta, ...meta }, check: (p) => p.runs.flatMap((r) => runHits(r, base.check(r))) };
}

export function dockerfileRunRule(meta: Meta, base: RunCheck): PostureRule<DockerfileProject> {
  return { meta: { ...base.meta, ...meta }, check: (p) => (p.run ? runHits(p.run, base.check(p.run)) : []) };
}
