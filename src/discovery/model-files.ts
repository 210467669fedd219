/**
 * Model files in the target, identified by magic bytes (src/models/identify.ts), each as a
 * `model-file:<path>` asset with format, size and the streamed, memoised SHA-256 (within the run's
 * digest limit). Header metadata
 * (GGUF architecture/quantization/licence/chat templates, safetensors tensors, ONNX producer and
 * opsets, Keras classes) comes from the model-format analyzers (src/models/), which emit the same
 * id; the pipeline merges both, so every identified file is inventoried even where no deep parser exists.
 */
import { wantsDigest, type Analyzer, type AnalyzerResult, type FileInfo } from '../core/analyzer.js';
import { identifyModelFormat, MODEL_EXTENSIONS } from '../models/identify.js';
import { asset, at } from './assets.js';

/** Enough for the tar `ustar` magic at offset 257. */
const HEAD = 512;

const SKIP_PATH = /(?:^|\/)(?:site-packages|dist-packages|\.venv|venv)\//;

export const modelFileAnalyzer: Analyzer = {
  name: 'bom-model-files',
  version: 1,
  rules: [],
  match(f: FileInfo) {
    return f.size > 8 && MODEL_EXTENSIONS.has(f.ext) && !SKIP_PATH.test(f.path);
  },
  async analyze(file, ctx): Promise<AnalyzerResult> {
    const head = await file.head(HEAD);
    const format = identifyModelFormat(file, head);
    if (!format) return {};
    const sha256 = wantsDigest(file, ctx) ? await file.sha256() : undefined;
    const name = file.path.slice(file.path.lastIndexOf('/') + 1);
    return { assets: [asset('model', `model-file:${file.path}`, name, at(file.path), { format, size: file.size, sha256 }, { confidence: 1 })] };
  },
};
