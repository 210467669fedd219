import { posix } from 'node:path';
import type { OnnxDoc } from '../onnx/parse.js';
import { SUPPLY_CHAIN, type ModelRule, type RuleHit } from './types.js';

/** Why an external-data location escapes the model directory, or undefined when it stays inside. */
export function escapeReason(location: string): string | undefined {
  if (location.includes('\0')) return 'contains a NUL byte';
  if (/^(?:[A-Za-z]:|[\\/])/.test(location)) return 'is an absolute path';
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(location)) return 'is a URL';
  const parts = location.split(/[\\/]/);
  if (parts.includes('..')) {
    const norm = posix.normalize(location.replace(/\\/g, '/'));
    return norm.startsWith('..') ? 'leaves the model directory through ".."' : 'contains ".." segments';
  }
  return undefined;
}

export const onnxExternalDataPath: ModelRule<OnnxDoc> = {
  meta: {
    id: 'model/onnx-external-data-path',
    title: 'ONNX external data points outside the model directory',
    severity: 'high',
    category: 'unsafe-artifact',
    description:
      'Initializers stored as external data name a file by `location`. An absolute path or `..` makes the runtime read an arbitrary file of the host ' +
      '(for example `/etc/passwd` or a cloud credentials file) into the weights, where it can leak through the model outputs (CVE-2024-27318, CVE-2022-25882).',
    remediation: 'Keep external data files next to the model with plain relative names; upgrade onnx >= 1.16.0, which rejects such paths, and re-export the model.',
    references: { ...SUPPLY_CHAIN, cwe: ['CWE-22'], cve: ['CVE-2024-27318', 'CVE-2022-25882'] },
    tags: ['onnx', 'file-access'],
    confidence: 'high',
  },
  check(doc) {
    const hits: RuleHit[] = [];
    const seen = new Set<string>();
    for (const { tensor, location } of doc.externalData) {
      const why = escapeReason(location);
      if (!why || seen.has(location)) continue;
      seen.add(location);
      hits.push({
        message: `Initializer ${JSON.stringify(tensor)} loads its data from ${JSON.stringify(location)}, which ${why}.`,
        evidence: `external_data.location = ${JSON.stringify(location.slice(0, 200))}`,
        fingerprintSalt: location,
        properties: { tensor, location },
      });
    }
    return hits;
  },
};
