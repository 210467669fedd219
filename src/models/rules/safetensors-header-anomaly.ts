import type { SafetensorsDoc } from '../safetensors/parse.js';
import { SUPPLY_CHAIN, type ModelRule } from './types.js';

export const safetensorsHeaderAnomaly: ModelRule<SafetensorsDoc> = {
  meta: {
    id: 'model/safetensors-header-anomaly',
    title: 'safetensors header is inconsistent',
    severity: 'low',
    category: 'unsafe-artifact',
    description:
      'The safetensors format cannot run code, but this header lies about the file: a declared size beyond the file, invalid JSON, a dtype × shape ' +
      'that does not match the byte span, overlapping tensors, gaps or trailing bytes. Hand-crafted headers like these target parser bugs in loaders, ' +
      'or hide extra data inside the file.',
    remediation: 'Re-export the weights with the `safetensors` library (`save_file`) and compare the SHA-256 with the publisher\'s.',
    references: { ...SUPPLY_CHAIN, cwe: ['CWE-20'] },
    tags: ['safetensors'],
    confidence: 'medium',
  },
  check(doc) {
    return doc.anomalies.slice(0, 10).map((a) => ({
      severity: a.severity,
      message: `safetensors header: ${a.message}.`,
      evidence: a.message,
      fingerprintSalt: a.message,
    }));
  },
};
