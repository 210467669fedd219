/**
 * One manifest file → its Kubernetes objects (multi-document YAML, `kind: List`). Documents that no
 * check or inventory reads are dropped before conversion: CustomResourceDefinitions (most of a
 * release bundle such as kserve.yaml is their OpenAPI schema) and non-Kubernetes YAML.
 */
import { parseYamlDocs, type YamlDoc, type YamlPath } from '../yaml.js';
import type { K8sFile, K8sObject } from './model.js';

const SKIPPED_KINDS = new Set(['CustomResourceDefinition', 'APIService', 'MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration']);
/** A top-level (column 0) `kind:` of a skipped kind: the document is dropped before it is even tokenised. */
const SKIPPED_TEXT = /^kind:[ \t]*["']?(?:CustomResourceDefinition|APIService|MutatingWebhookConfiguration|ValidatingWebhookConfiguration)["']?[ \t]*(?:#.*)?\r?$/m;

/** Cheap test on the text: a manifest names `apiVersion:` and `kind:`. */
export function looksLikeManifest(text: string): boolean {
  return /^\s*kind\s*:/m.test(text) && /apiVersion\s*:/.test(text);
}

/** Unrendered Helm templates cannot be read as YAML; discovery notes them. */
export function isHelmTemplate(path: string, text: string): boolean {
  return text.includes('{{') && /(?:^|\/)templates\//.test(path);
}

export function parseManifest(path: string, text: string): K8sFile {
  const parsed = parseYamlDocs(text, { skipText: (doc) => SKIPPED_TEXT.test(doc), skip: (top) => SKIPPED_KINDS.has(String(top.get('kind'))) });
  const objects: K8sObject[] = [];
  for (const doc of parsed.docs) {
    const v = doc.value;
    if (isObj(v) && v.kind === 'List' && Array.isArray(v.items)) {
      v.items.forEach((item, i) => {
        if (isK8s(item)) objects.push(makeObject(path, doc, item, ['items', i]));
      });
    } else if (isK8s(v)) {
      objects.push(makeObject(path, doc, v, []));
    }
  }
  return { objects, errors: parsed.errors, warnings: parsed.warnings };
}

function makeObject(path: string, doc: YamlDoc, value: Record<string, unknown>, base: YamlPath): K8sObject {
  const meta = isObj(value.metadata) ? value.metadata : {};
  const name = typeof meta.name === 'string' ? meta.name : '(unnamed)';
  const namespace = typeof meta.namespace === 'string' ? meta.namespace : 'default';
  const kind = value.kind as string;
  return {
    path, apiVersion: value.apiVersion as string, kind, name, namespace, ref: `${kind}/${namespace}/${name}`,
    line: doc.lineOf([...base, 'kind']) || doc.startLine, value, base, doc,
  };
}

export function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isK8s(v: unknown): v is Record<string, unknown> {
  return isObj(v) && typeof v.apiVersion === 'string' && typeof v.kind === 'string';
}
