import type { KerasConfigDoc } from '../keras/config-doc.js';
import { className } from '../keras/config-doc.js';
import { SUPPLY_CHAIN, type ModelRule, type RuleHit } from './types.js';

/** TorchModuleWrapper stores a pickled torch module that `torch.load` unpickles on load. */
export const kerasTorchModuleWrapper: ModelRule<KerasConfigDoc> = {
  meta: {
    id: 'model/keras-torch-module-wrapper',
    title: 'Keras TorchModuleWrapper holds a pickled PyTorch module',
    severity: 'high',
    category: 'unsafe-artifact',
    description:
      '`keras.layers.TorchModuleWrapper` serializes the wrapped `torch.nn.Module` with `torch.save`; `from_config` calls `torch.load` on it, ' +
      'which unpickles arbitrary objects: code execution on load unless safe_mode blocks it (Keras >= 3.12).',
    remediation: 'Load only with `safe_mode=True` on Keras >= 3.12; rebuild the torch module in code and ship its weights as safetensors.',
    references: { ...SUPPLY_CHAIN, cwe: ['CWE-502'] },
    tags: ['keras', 'pickle', 'code-execution'],
    confidence: 'high',
  },
  check(doc) {
    const hits: RuleHit[] = [];
    for (const { path, obj } of doc.objects) {
      if (className(obj) !== 'TorchModuleWrapper') continue;
      const cfg = (obj.config ?? {}) as Record<string, unknown>;
      hits.push({
        message: `TorchModuleWrapper ${JSON.stringify(cfg.name ?? path)} in the ${doc.source} is restored with torch.load (pickle) on load.`,
        evidence: `${path}.class_name = "TorchModuleWrapper"${typeof cfg.module === 'string' ? ` (module payload ${cfg.module.length} chars)` : ''}`,
        fingerprintSalt: path,
        properties: { jsonPath: path },
      });
    }
    return hits;
  },
};
