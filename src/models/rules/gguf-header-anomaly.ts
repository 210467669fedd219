import type { GgufDoc } from '../gguf/parse.js';
import { SUPPLY_CHAIN, type ModelRule } from './types.js';

export const ggufHeaderAnomaly: ModelRule<GgufDoc> = {
  meta: {
    id: 'model/gguf-header-anomaly',
    title: 'GGUF header is malformed',
    severity: 'low',
    category: 'unsafe-artifact',
    description:
      'The GGUF header declares lengths or counts that do not fit the file, unknown value types or out-of-range tensor offsets. ' +
      'Loaders written in C/C++ have had memory-safety bugs on exactly such headers (CVE-2024-25664 and related GGUF parsing issues in llama.cpp); ' +
      'a truncated download gives the same symptom.',
    remediation: 'Re-download the model from its publisher and compare its SHA-256; keep llama.cpp / ggml-based loaders up to date.',
    references: { ...SUPPLY_CHAIN, cwe: ['CWE-20', 'CWE-787'] },
    tags: ['gguf'],
    confidence: 'medium',
  },
  check(doc) {
    return doc.anomalies.slice(0, 5).map((a) => ({
      message: `GGUF header anomaly: ${a}.`,
      evidence: a,
      fingerprintSalt: a,
    }));
  },
};
