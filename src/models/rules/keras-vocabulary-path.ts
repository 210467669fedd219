import type { KerasConfigDoc } from '../keras/config-doc.js';
import { className } from '../keras/config-doc.js';
import { LOOKUP_LAYERS, REMOTE_URL } from '../keras/catalog.js';
import { SUPPLY_CHAIN, type ModelRule, type RuleHit } from './types.js';

/** CVE-2025-12058: a lookup layer's vocabulary given as a path is read (or fetched) during load. */
export const kerasVocabularyPath: ModelRule<KerasConfigDoc> = {
  meta: {
    id: 'model/keras-vocabulary-path',
    title: 'Keras lookup layer reads its vocabulary from a path or URL',
    severity: 'high',
    category: 'unsafe-artifact',
    description:
      '`StringLookup`, `IntegerLookup`, `IndexLookup` and `TextVectorization` accept a file path as `vocabulary`; Keras reads it with ' +
      '`tf.io.gfile` while the model loads, even with `safe_mode=True` before Keras 3.12. A crafted model reads arbitrary local files into the model ' +
      '(where they can be exfiltrated through its outputs) or fetches a URL (SSRF) — CVE-2025-12058.',
    remediation: 'Upgrade to Keras >= 3.12 and load with `safe_mode=True`; ship vocabularies inline in the model (a list), never as a path.',
    references: { ...SUPPLY_CHAIN, cwe: ['CWE-22', 'CWE-918', 'CWE-73'], cve: ['CVE-2025-12058'] },
    tags: ['keras', 'file-access', 'ssrf'],
    confidence: 'high',
  },
  check(doc) {
    const hits: RuleHit[] = [];
    for (const { path, obj } of doc.objects) {
      const cls = className(obj);
      if (!cls || !LOOKUP_LAYERS.includes(cls)) continue;
      const vocab = (obj.config as Record<string, unknown> | undefined)?.vocabulary;
      if (typeof vocab !== 'string' || vocab.trim() === '') continue;
      const remote = REMOTE_URL.test(vocab);
      hits.push({
        message: `${cls} layer in the ${doc.source} loads its vocabulary from ${remote ? 'the URL' : 'the path'} ${JSON.stringify(vocab)} when the model is loaded.`,
        evidence: `${path}.config.vocabulary = ${JSON.stringify(vocab.slice(0, 200))}`,
        fingerprintSalt: `${path}:${vocab}`,
        properties: { layer: cls, vocabulary: vocab, remote, jsonPath: path },
      });
    }
    return hits;
  },
};
