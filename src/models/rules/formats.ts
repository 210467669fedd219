/** The `model/*` rules of the format analyzers (Keras, TensorFlow, ONNX, GGUF, chat templates, safetensors). */
import { chatTemplateSandboxEscape } from './chat-template-sandbox-escape.js';
import { ggufHeaderAnomaly } from './gguf-header-anomaly.js';
import { kerasCustomObject } from './keras-custom-object.js';
import { kerasLambdaLayer } from './keras-lambda-layer.js';
import { kerasRemoteResource } from './keras-remote-resource.js';
import { kerasTorchModuleWrapper } from './keras-torch-module-wrapper.js';
import { kerasUnsafeDeserialization } from './keras-unsafe-deserialization.js';
import { kerasUnsafeModule } from './keras-unsafe-module.js';
import { kerasVocabularyPath } from './keras-vocabulary-path.js';
import { onnxCustomOpDomain } from './onnx-custom-op-domain.js';
import { onnxExternalDataPath } from './onnx-external-data-path.js';
import { safetensorsHeaderAnomaly } from './safetensors-header-anomaly.js';
import { tfSavedModelFileOp } from './tf-savedmodel-file-op.js';
import { tfSavedModelPythonOp } from './tf-savedmodel-python-op.js';

export const KERAS_RULES = [kerasLambdaLayer, kerasUnsafeModule, kerasUnsafeDeserialization, kerasVocabularyPath, kerasRemoteResource, kerasTorchModuleWrapper, kerasCustomObject];
export const SAVEDMODEL_RULES = [tfSavedModelPythonOp, tfSavedModelFileOp];
export const ONNX_RULES = [onnxExternalDataPath, onnxCustomOpDomain];
export const GGUF_RULES = [ggufHeaderAnomaly];
export const CHAT_TEMPLATE_RULES = [chatTemplateSandboxEscape];
export const SAFETENSORS_RULES = [safetensorsHeaderAnomaly];

export const MODEL_FORMAT_RULES = [...KERAS_RULES, ...SAVEDMODEL_RULES, ...ONNX_RULES, ...GGUF_RULES, ...CHAT_TEMPLATE_RULES, ...SAFETENSORS_RULES].map((r) => r.meta);
