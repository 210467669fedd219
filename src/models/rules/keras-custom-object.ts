import type { KerasConfigDoc } from '../keras/config-doc.js';
import { className, snippet } from '../keras/config-doc.js';
import { DANGEROUS_MODULES, isKerasModule, moduleRoot } from '../keras/catalog.js';
import { SUPPLY_CHAIN, type ModelRule, type RuleHit } from './types.js';

/** Registered custom objects need code that is not in the file: unknown, worth a review. */
export const kerasCustomObject: ModelRule<KerasConfigDoc> = {
  meta: {
    id: 'model/keras-custom-object',
    title: 'Keras config needs a custom registered object',
    severity: 'medium',
    category: 'unsafe-artifact',
    description:
      'The config names a custom object (`registered_name` of the form `Package>Name`) that Keras resolves from the registry of the loading process. ' +
      'Loading needs code that does not ship with the model; which code runs depends on what the loader has installed.',
    remediation: 'Check that the custom object comes from a package you trust and pin it; load with `safe_mode=True` and explicit `custom_objects`.',
    references: { ...SUPPLY_CHAIN, cwe: ['CWE-502'] },
    tags: ['keras'],
    confidence: 'medium',
  },
  check(doc) {
    const hits: RuleHit[] = [];
    for (const { path, obj } of doc.objects) {
      const reg = obj.registered_name;
      const fromMain = obj.module === '__main__' && !('function_type' in obj) && !('output_shape_type' in obj);
      if (!fromMain && (typeof reg !== 'string' || !reg.includes('>'))) continue;
      const pkg = typeof reg === 'string' && reg.includes('>') ? reg.slice(0, reg.indexOf('>')) : '__main__';
      if (isKerasModule(pkg)) continue;
      if (typeof obj.module === 'string' && DANGEROUS_MODULES.includes(moduleRoot(obj.module))) continue; // reported by keras-unsafe-module
      hits.push({
        message: `The ${doc.source} needs the custom object ${JSON.stringify(typeof reg === 'string' ? reg : `__main__.${String(obj.config ?? className(obj))}`)} (class ${JSON.stringify(className(obj) ?? '?')}) from the loading environment${typeof obj.module === 'string' ? ` (module ${JSON.stringify(obj.module)})` : ''}.`,
        evidence: `${path} = ${snippet(obj, 120)}`,
        fingerprintSalt: `${path}:${String(reg)}`,
        properties: { registeredName: reg, module: obj.module, jsonPath: path },
      });
    }
    return hits;
  },
};
