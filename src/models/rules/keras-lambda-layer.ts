import type { KerasConfigDoc } from '../keras/config-doc.js';
import { className, snippet } from '../keras/config-doc.js';
import { SUPPLY_CHAIN, type ModelRule, type RuleHit } from './types.js';

/** Flags Lambda layers: marshalled Python bytecode runs when the model is loaded without safe_mode. */
export const kerasLambdaLayer: ModelRule<KerasConfigDoc> = {
  meta: {
    id: 'model/keras-lambda-layer',
    title: 'Keras Lambda layer with Python code',
    severity: 'critical',
    category: 'unsafe-artifact',
    description:
      'A Keras `Lambda` layer stores its function as marshalled Python bytecode (or as a reference to a Python function). ' +
      'Loading the model with `safe_mode=False` (or with Keras 2 / tf.keras, which has no safe mode for `.h5`) unmarshals and runs that code.',
    remediation:
      'Do not load this model from an untrusted source. Load with `keras.saving.load_model(path, safe_mode=True)` on Keras >= 3.9, ' +
      'replace the Lambda by a registered custom layer whose code you ship, and distribute weights as safetensors.',
    references: { ...SUPPLY_CHAIN, cwe: ['CWE-94', 'CWE-502'], cve: ['CVE-2024-3660', 'CVE-2025-9905'], urls: ['https://keras.io/api/models/model_saving_apis/model_saving_and_loading/'] },
    tags: ['keras', 'code-execution'],
    confidence: 'high',
  },
  check(doc) {
    const hits: RuleHit[] = [];
    for (const { path, obj } of doc.objects) {
      if (className(obj) !== 'Lambda') continue;
      const config = (obj.config ?? {}) as Record<string, unknown>;
      const fn = config.function;
      const fnObj = fn && typeof fn === 'object' && !Array.isArray(fn) ? (fn as Record<string, unknown>) : undefined;
      const lambdaCode =
        (Array.isArray(fn) && typeof fn[0] === 'string' && fn[0]) ||
        (fnObj && className(fnObj) === '__lambda__' && typeof (fnObj.config as Record<string, unknown> | undefined)?.code === 'string' && (fnObj.config as Record<string, string>).code) ||
        (typeof fn === 'string' && config.function_type === 'lambda' && fn);
      const name = typeof config.name === 'string' ? config.name : path;
      if (lambdaCode) {
        hits.push({
          message: `Lambda layer ${JSON.stringify(name)} in the ${doc.source} carries ${lambdaCode.length} characters of marshalled Python bytecode that runs on load.`,
          evidence: `${path}.config.function = ${snippet(lambdaCode, 48)}`,
          fingerprintSalt: path,
          properties: { layer: name, jsonPath: path },
        });
      } else {
        hits.push({
          severity: 'high',
          message: `Lambda layer ${JSON.stringify(name)} in the ${doc.source} calls a Python function by reference (${snippet(fn, 80)}), resolved by import on load.`,
          evidence: `${path}.config = ${snippet(config)}`,
          fingerprintSalt: path,
          properties: { layer: name, jsonPath: path },
        });
      }
    }
    return hits;
  },
};
