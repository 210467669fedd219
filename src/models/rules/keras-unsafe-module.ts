import type { KerasConfigDoc } from '../keras/config-doc.js';
import { className, snippet } from '../keras/config-doc.js';
import { DANGEROUS_MODULES, isKerasModule, isRegisteredCustomObject, moduleRoot } from '../keras/catalog.js';
import { SUPPLY_CHAIN, type ModelRule, type RuleHit } from './types.js';

/** CVE-2025-1550: Keras imports `module` and calls `class_name` from it, even with safe_mode on before 3.9. */
export const kerasUnsafeModule: ModelRule<KerasConfigDoc> = {
  meta: {
    id: 'model/keras-unsafe-module',
    title: 'Keras config imports a module outside Keras',
    severity: 'high',
    category: 'unsafe-artifact',
    description:
      'Every object in a Keras 3 config names a `module` and a `class_name`; the loader imports the module and calls the object. ' +
      'A module outside keras/tensorflow (for example `os` or `subprocess`) turns loading into arbitrary code execution; ' +
      'before Keras 3.9 this worked even with `safe_mode=True` (CVE-2025-1550).',
    remediation:
      'Treat the file as hostile. Upgrade to Keras >= 3.9 (better >= 3.12) and load with `safe_mode=True`; if the module is your own package, ' +
      'register the class with `@keras.saving.register_keras_serializable` and pass it explicitly via `custom_objects`.',
    references: { ...SUPPLY_CHAIN, cwe: ['CWE-94', 'CWE-502'], cve: ['CVE-2025-1550'], ghsa: ['GHSA-48g7-3x6r-xfhp'] },
    tags: ['keras', 'code-execution'],
    confidence: 'high',
  },
  check(doc) {
    const hits: RuleHit[] = [];
    for (const { path, obj } of doc.objects) {
      const module = obj.module;
      if (typeof module !== 'string' || module === '' || isKerasModule(module)) continue;
      // Keras 2 Lambda configs record the defining module (`__main__`); the Lambda rule reports those.
      if ('function_type' in obj || 'output_shape_type' in obj) continue;
      const dangerous = DANGEROUS_MODULES.includes(moduleRoot(module));
      // A registered custom object (`Package>Name`) from its own package is resolved from the registry first, and `__main__`
      // objects come from the loading script itself: both are reported by keras-custom-object.
      if (!dangerous && (isRegisteredCustomObject(obj) || module === '__main__')) continue;
      // Functions serialize as class_name "function" with the function name in `config`.
      const name = className(obj) === 'function' && typeof obj.config === 'string' ? obj.config : (className(obj) ?? '?');
      hits.push({
        severity: dangerous ? 'critical' : 'high',
        message: `The ${doc.source} asks the loader to import ${JSON.stringify(module)} and call ${JSON.stringify(name)} from it${dangerous ? ', a module that runs commands or reaches files and the network' : ''}.`,
        evidence: `${path} = ${snippet(obj)}`,
        fingerprintSalt: `${path}:${module}`,
        properties: { module, className: name, jsonPath: path },
      });
    }
    return hits;
  },
};
