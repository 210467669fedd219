import type { OnnxDoc } from '../onnx/parse.js';
import { KNOWN_ONNX_DOMAINS } from '../onnx/domains.js';
import { SUPPLY_CHAIN, type ModelRule, type RuleHit } from './types.js';

export const onnxCustomOpDomain: ModelRule<OnnxDoc> = {
  meta: {
    id: 'model/onnx-custom-op-domain',
    title: 'ONNX model uses operators from an unknown domain',
    severity: 'medium',
    category: 'unsafe-artifact',
    description:
      'Nodes or opset imports name a custom operator domain that neither ONNX nor the common runtimes implement. The model only runs with a ' +
      'custom-op library (native code) registered by the loader, whose behaviour cannot be reviewed from the model file.',
    remediation: 'Check which library implements the domain and where it comes from; prefer models that use standard opsets only.',
    references: { ...SUPPLY_CHAIN, cwe: ['CWE-829'] },
    tags: ['onnx'],
    confidence: 'medium',
  },
  check(doc) {
    const domains = new Map<string, Set<string>>();
    for (const [d, ops] of doc.nodeDomains) domains.set(d, new Set(ops));
    for (const o of doc.opsets) if (!domains.has(o.domain)) domains.set(o.domain, new Set());
    const hits: RuleHit[] = [];
    for (const [domain, ops] of domains) {
      if (KNOWN_ONNX_DOMAINS.has(domain) || doc.functionDomains.has(domain)) continue;
      const list = [...ops].filter(Boolean).slice(0, 10);
      hits.push({
        message: `The model uses the custom operator domain ${JSON.stringify(domain)}${list.length ? ` (ops ${list.join(', ')})` : ''}, which needs a custom-op library at load time.`,
        evidence: `domain ${JSON.stringify(domain)}${list.length ? `: ${list.join(', ')}` : ' (opset_import)'}`,
        fingerprintSalt: domain,
        properties: { domain, ops: list },
      });
    }
    return hits;
  },
};
