/**
 * The `model-formats` analyzer: Keras (.h5, .keras, keras_metadata.pb), TensorFlow SavedModel,
 * ONNX, GGUF (+ chat templates), safetensors and `tokenizer_config.json` chat templates. Pickle-based
 * formats (PyTorch, joblib, NumPy) belong to the pickle analyzer. Formats are identified by magic
 * bytes through the shared `identifyModelFormat`; every model file also yields a `model` asset for
 * discovery (`aigis bom`).
 */
import type { Analyzer, AnalyzerContext, AnalyzerResult, FileInfo, ScanFile } from '../core/analyzer.js';
import { IDENTIFY_HEAD_BYTES, identifyModelFormat, type ModelFormat } from './identify.js';
import { analyzeGguf } from './gguf/analyze.js';
import { analyzeJinjaTemplateFile, analyzeTokenizerConfig, isJinjaTemplateFile } from './jinja/analyze-tokenizer-config.js';
import { analyzeH5, analyzeKerasDirConfig, analyzeKerasMetadata, analyzeKerasZip, isKerasDirConfig } from './keras/analyze.js';
import { analyzeOnnx } from './onnx/analyze.js';
import { MODEL_FORMAT_RULES } from './rules/formats.js';
import { analyzeSafetensors } from './safetensors/analyze.js';
import { analyzeSavedModel } from './savedmodel/analyze.js';
import { modelAsset, newOutput, note, type FormatOutput } from './format-result.js';

/** Extensions this analyzer looks at; `.bin`/`.model` may hold GGUF or safetensors despite the name. */
const EXTENSIONS = new Set(['.h5', '.hdf5', '.keras', '.onnx', '.gguf', '.safetensors', '.bin', '.model', '.ggml']);
const NAMES = new Set(['saved_model.pb', 'keras_metadata.pb', 'tokenizer_config.json', 'chat_template.json', 'config.json']);

type Handler = (file: ScanFile, out: FormatOutput, ctx: AnalyzerContext) => Promise<void>;

const HANDLERS: Partial<Record<ModelFormat, Handler>> = {
  hdf5: analyzeH5,
  onnx: analyzeOnnx,
  gguf: analyzeGguf,
  safetensors: analyzeSafetensors,
};

function handlerFor(format: ModelFormat | undefined, file: ScanFile): Handler | undefined {
  if (format === 'zip' && file.ext === '.keras') return analyzeKerasZip;
  if (format === 'savedmodel-pb') return file.name === 'keras_metadata.pb' ? analyzeKerasMetadata : analyzeSavedModel;
  return format ? HANDLERS[format] : undefined;
}

export const modelFormatsAnalyzer: Analyzer = {
  name: 'model-formats',
  scanner: 'model',
  version: 1,
  rules: MODEL_FORMAT_RULES,
  match(file: FileInfo) {
    return EXTENSIONS.has(file.ext) || NAMES.has(file.name) || isJinjaTemplateFile(file.path, file.name);
  },
  async analyze(file, ctx): Promise<AnalyzerResult> {
    const out = newOutput();
    if (file.name === 'tokenizer_config.json' || file.name === 'chat_template.json') {
      await analyzeTokenizerConfig(file, out);
      return { findings: out.findings, notes: out.notes };
    }
    if (isJinjaTemplateFile(file.path, file.name)) {
      await analyzeJinjaTemplateFile(file, out);
      return { findings: out.findings, notes: out.notes };
    }
    if (file.name === 'config.json') {
      // Only the config.json of an unzipped Keras v3 model; Hugging Face and other config.json files are left alone.
      if (!isKerasDirConfig(file.path, ctx)) return {};
      await analyzeKerasDirConfig(file, out);
      return { findings: out.findings, notes: out.notes, assets: out.properties ? [await modelAsset(file, 'keras-config', out, ctx)] : [] };
    }
    const head = await file.head(IDENTIFY_HEAD_BYTES);
    const format = identifyModelFormat(file, head);
    const handler = handlerFor(format, file);
    if (!handler || !format) return {};
    try {
      await handler(file, out, ctx);
    } catch (e) {
      // A parser bug or an unexpected library error must not stop the scan: report it and go on.
      note(out, file, 'error', `${format} analysis failed: ${(e as Error).message}`);
    }
    const assets = out.properties ? [await modelAsset(file, file.ext === '.keras' ? 'keras' : format, out, ctx)] : [];
    return { findings: out.findings, notes: out.notes, assets };
  },
};
