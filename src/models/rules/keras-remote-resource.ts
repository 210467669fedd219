import type { KerasConfigDoc } from '../keras/config-doc.js';
import { className, snippet } from '../keras/config-doc.js';
import { DANGEROUS_KERAS_CALLABLES, LOOKUP_LAYERS, REMOTE_URL } from '../keras/catalog.js';
import { SUPPLY_CHAIN, type ModelRule, type RuleHit } from './types.js';

/** `get_file`, nested `load_model` and URLs in a config reach the network or other files on load. */
export const kerasRemoteResource: ModelRule<KerasConfigDoc> = {
  meta: {
    id: 'model/keras-remote-resource',
    title: 'Keras config fetches a URL or another file on load',
    severity: 'high',
    category: 'unsafe-artifact',
    description:
      'The config calls `keras.utils.get_file`, `load_model` or `load_weights`, or carries a URL. Keras resolves these while loading: ' +
      'the model downloads content (SSRF, CVE-2025-8747 used `get_file` to bypass safe_mode) or pulls in a second, unscanned model.',
    remediation: 'Load with `safe_mode=True` on Keras >= 3.12; vendor every resource the model needs into the artifact and scan it.',
    references: { ...SUPPLY_CHAIN, cwe: ['CWE-918', 'CWE-829'], cve: ['CVE-2025-8747'], ghsa: ['GHSA-c9rc-mg46-23w3'] },
    tags: ['keras', 'network'],
    confidence: 'high',
  },
  check(doc) {
    const hits: RuleHit[] = [];
    const seen = new Set<string>();
    for (const { path, obj } of doc.objects) {
      for (const key of ['class_name', 'function_name', 'config'] as const) {
        const v = obj[key];
        if (typeof v !== 'string') continue;
        const name = v.split('.').pop() ?? v;
        if (!(name in DANGEROUS_KERAS_CALLABLES) || name === 'enable_unsafe_deserialization') continue;
        seen.add(path.replace(/(?:\.\w+|\[[^\]]*\])$/, '')); // the enclosing layer config: its URLs belong to this finding
        hits.push({
          message: `The ${doc.source} calls ${JSON.stringify(v)} on load: it ${DANGEROUS_KERAS_CALLABLES[name]}.`,
          evidence: `${path} = ${snippet(obj)}`,
          fingerprintSalt: `${path}:${v}`,
          properties: { callable: v, jsonPath: path },
        });
        break;
      }
    }
    const lookupVocab = new Set(doc.objects.filter((o) => LOOKUP_LAYERS.includes(className(o.obj) ?? '')).map((o) => `${o.path}.config.vocabulary`));
    for (const { path, value } of doc.strings) {
      const m = REMOTE_URL.exec(value);
      if (!m || lookupVocab.has(path) || [...seen].some((p) => path.startsWith(p))) continue;
      hits.push({
        message: `The ${doc.source} carries the URL ${JSON.stringify(m[0].slice(0, 200))}, which a loader may fetch.`,
        evidence: `${path} = ${JSON.stringify(value.slice(0, 200))}`,
        fingerprintSalt: `${path}:${m[0]}`,
        properties: { url: m[0], jsonPath: path },
      });
    }
    return hits;
  },
};
