import type { KerasConfigDoc } from '../keras/config-doc.js';
import { SUPPLY_CHAIN, type ModelRule, type RuleHit } from './types.js';

/** A config that calls `enable_unsafe_deserialization` switches safe_mode off from inside the model. */
export const kerasUnsafeDeserialization: ModelRule<KerasConfigDoc> = {
  meta: {
    id: 'model/keras-unsafe-deserialization',
    title: 'Keras config switches safe_mode off',
    severity: 'critical',
    category: 'unsafe-artifact',
    description:
      'The config references `keras.config.enable_unsafe_deserialization`. Called during deserialization, it turns safe_mode off for the objects ' +
      'that follow, so a Lambda layer later in the same file runs its code even though the caller asked for `safe_mode=True` (CVE-2025-9906, GHSA-36fq-jgmw-4r9c).',
    remediation: 'Treat the file as hostile; upgrade to Keras >= 3.11 where the call is blocked inside deserialization, and never load it.',
    references: { ...SUPPLY_CHAIN, cwe: ['CWE-94', 'CWE-502'], cve: ['CVE-2025-9906'], ghsa: ['GHSA-36fq-jgmw-4r9c'] },
    tags: ['keras', 'code-execution'],
    confidence: 'high',
  },
  check(doc) {
    const hits: RuleHit[] = [];
    for (const { path, value } of doc.strings) {
      if (!value.includes('enable_unsafe_deserialization')) continue;
      hits.push({
        message: `The ${doc.source} references enable_unsafe_deserialization, which disables safe_mode during the load.`,
        evidence: `${path} = ${JSON.stringify(value.slice(0, 120))}`,
        fingerprintSalt: path,
        properties: { jsonPath: path },
      });
    }
    return hits;
  },
};
