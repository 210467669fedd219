/**
 * A container's environment, the one accessor every check reads it through: `envFrom` sources first
 * (the keys of each Secret/ConfigMap it pulls, with `prefix`, a later source overriding an earlier
 * one), then `env` entries, which override them (the kubelet's order). A source that is not among the
 * scanned objects has unknown keys: it is listed as unresolved, so a check that fires on a *missing*
 * variable can stay quiet (`envMayBeSet`).
 */
import type { EnvVar, Located } from '../run-view.js';
import type { K8sObject } from './model.js';
import { isObj } from './parse.js';

export interface EnvSourceKey {
  name: string;
  /** Literal value (ConfigMap `data`); undefined for Secrets and `binaryData`. */
  value?: string;
}

/** Secret/ConfigMap keys by `Kind/namespace/name`. */
export type EnvSources = Map<string, EnvSourceKey[]>;

export interface ContainerEnv {
  env: EnvVar[];
  /** `envFrom` sources not in the scanned documents (`Secret vllm-env`): they may set any variable. */
  unresolved: Located<string>[];
}

export interface EnvRef {
  kind: 'Secret' | 'ConfigMap';
  name: string;
}

export function envSources(objects: readonly K8sObject[]): EnvSources {
  const out: EnvSources = new Map();
  for (const o of objects) {
    if (o.kind === 'Secret') {
      const keys = [...Object.keys(isObj(o.value.data) ? o.value.data : {}), ...Object.keys(isObj(o.value.stringData) ? o.value.stringData : {})];
      out.set(o.ref, [...new Set(keys)].map((name) => ({ name })));
    } else if (o.kind === 'ConfigMap') {
      const data = isObj(o.value.data) ? o.value.data : {};
      const keys: EnvSourceKey[] = Object.entries(data).map(([name, v]) => ({ name, value: typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined }));
      for (const name of Object.keys(isObj(o.value.binaryData) ? o.value.binaryData : {})) keys.push({ name });
      out.set(o.ref, keys);
    }
  }
  return out;
}

/** The Secret/ConfigMap an `envFrom` entry names. */
function fromRef(e: unknown): EnvRef | undefined {
  if (!isObj(e)) return undefined;
  if (isObj(e.secretRef) && typeof e.secretRef.name === 'string') return { kind: 'Secret', name: e.secretRef.name };
  if (isObj(e.configMapRef) && typeof e.configMapRef.name === 'string') return { kind: 'ConfigMap', name: e.configMapRef.name };
  return undefined;
}

/** Every Secret/ConfigMap a container takes variables from (`envFrom`, `valueFrom.secretKeyRef` / `configMapKeyRef`). */
export function containerEnvRefs(c: Record<string, unknown>): EnvRef[] {
  const out: EnvRef[] = [];
  for (const e of Array.isArray(c.env) ? c.env : []) {
    const from = isObj(e) && isObj(e.valueFrom) ? e.valueFrom : undefined;
    if (from && isObj(from.secretKeyRef) && typeof from.secretKeyRef.name === 'string') out.push({ kind: 'Secret', name: from.secretKeyRef.name });
    if (from && isObj(from.configMapKeyRef) && typeof from.configMapKeyRef.name === 'string') out.push({ kind: 'ConfigMap', name: from.configMapKeyRef.name });
  }
  for (const e of Array.isArray(c.envFrom) ? c.envFrom : []) {
    const r = fromRef(e);
    if (r) out.push(r);
  }
  return out;
}

/**
 * The environment of container `c` (its YAML path `at`) in `namespace`. `lineOf` gives the line of a
 * path relative to the container.
 */
export function containerEnv(c: Record<string, unknown>, namespace: string, sources: EnvSources, lineOf: (p: (string | number)[]) => number): ContainerEnv {
  const vars = new Map<string, EnvVar>();
  const unresolved: Located<string>[] = [];
  (Array.isArray(c.envFrom) ? c.envFrom : []).forEach((e, i) => {
    const ref = fromRef(e);
    if (!ref || !isObj(e)) return;
    const line = lineOf(['envFrom', i]);
    const keys = sources.get(`${ref.kind}/${namespace}/${ref.name}`);
    if (!keys) {
      unresolved.push({ value: `${ref.kind} ${ref.name}`, line });
      return;
    }
    const prefix = typeof e.prefix === 'string' ? e.prefix : '';
    for (const k of keys) {
      const name = `${prefix}${k.name}`;
      // The kubelet skips keys that are not valid variable names.
      if (!name || name.includes('=')) continue;
      vars.delete(name);
      vars.set(name, { name, value: k.value, line });
    }
  });
  (Array.isArray(c.env) ? c.env : []).forEach((e, i) => {
    if (!isObj(e) || typeof e.name !== 'string') return;
    vars.delete(e.name);
    vars.set(e.name, { name: e.name, value: typeof e.value === 'string' || typeof e.value === 'number' || typeof e.value === 'boolean' ? String(e.value) : undefined, line: lineOf(['env', i]) });
  });
  return { env: [...vars.values()], unresolved };
}
