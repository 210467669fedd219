/** Keras rules on inline configs: the module/registration cases that decide high vs medium vs quiet. */
import { describe, expect, it } from 'vitest';
import { kerasConfigDoc } from '../../../src/models/keras/config-doc.js';
import { KERAS_RULES } from '../../../src/models/rules/formats.js';

function check(layer: unknown) {
  const doc = kerasConfigDoc({ module: 'keras', class_name: 'Sequential', config: { name: 's', layers: [layer] } }, 'config.json');
  return KERAS_RULES.flatMap((r) => r.check(doc).map((h) => `${r.meta.id}:${h.severity ?? r.meta.severity}`));
}

const dense = (activation: unknown) => ({ module: 'keras.layers', class_name: 'Dense', config: { name: 'd', units: 4, activation }, registered_name: null });

describe('Keras module and custom-object rules', () => {
  it('keras, keras.src and tensorflow modules are quiet', () => {
    expect(check(dense({ module: 'keras.src.activations.activations', class_name: 'function', config: 'relu', registered_name: 'function' }))).toEqual([]);
    expect(check({ module: 'keras.src.models.functional', class_name: 'Functional', config: { name: 'f', layers: [] }, registered_name: null })).toEqual([]);
    expect(check({ module: 'tf_keras.layers', class_name: 'Dense', config: {}, registered_name: null })).toEqual([]);
  });

  it('a dangerous module is critical, any other foreign module high', () => {
    expect(check(dense({ module: 'subprocess', class_name: 'function', config: 'check_output', registered_name: 'function' }))).toEqual(['model/keras-unsafe-module:critical']);
    expect(check(dense({ module: 'my_pkg.acts', class_name: 'function', config: 'swish2', registered_name: 'function' }))).toEqual(['model/keras-unsafe-module:high']);
  });

  it('registered custom objects and __main__ functions are medium (code needed from the loader), not high', () => {
    expect(check({ module: 'my_pkg.layers', class_name: 'Gate', config: {}, registered_name: 'MyPkg>Gate' })).toEqual(['model/keras-custom-object:medium']);
    expect(check(dense({ module: '__main__', class_name: 'function', config: 'my_act', registered_name: 'function' }))).toEqual(['model/keras-custom-object:medium']);
  });

  it('a registered name does not launder a dangerous module', () => {
    expect(check({ module: 'os', class_name: 'system', config: {}, registered_name: 'Os>System' })).toEqual(['model/keras-unsafe-module:critical']);
  });

  it('a Keras 2 Lambda defined in __main__ is reported once, by the Lambda rule', () => {
    const lambda = { class_name: 'Lambda', config: { name: 'l', function: ['4wEAAAAA', null, null], function_type: 'lambda', module: '__main__', output_shape_type: 'raw' } };
    expect(check(lambda)).toEqual(['model/keras-lambda-layer:critical']);
  });

  it('a non-empty vocabulary list is quiet, a path is high', () => {
    const lookup = (vocabulary: unknown) => ({ module: 'keras.layers', class_name: 'IntegerLookup', config: { name: 'i', vocabulary }, registered_name: null });
    expect(check(lookup([1, 2, 3]))).toEqual([]);
    expect(check(lookup('gs://bucket/vocab.txt'))).toEqual(['model/keras-vocabulary-path:high']);
  });
});
