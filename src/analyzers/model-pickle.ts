/**
 * The pickle and container model analyzer: pickles, PyTorch checkpoints (zip, legacy, tar,
 * TorchScript), joblib, NumPy and zip/tar/7z archives of models. It never loads a model: every
 * byte goes through the opcode walker and the tolerant archive readers in `src/models/`.
 */
import type { Analyzer, FileInfo } from '../core/analyzer.js';
import type { Finding, Note } from '../core/model.js';
import { MODEL_EXTENSIONS, PICKLE_ARCHIVE_EXTENSIONS as ARCHIVE_EXTENSIONS } from '../models/identify.js';
import { inspectArtifact } from '../models/inspect/inspect.js';
import { cachedSource, scanFileSource } from '../models/io/byte-source.js';
import { MODEL_PICKLE_RULES } from '../models/rules/index.js';
import { modelAssetId } from '../models/format-result.js';

/** Formats this analyzer opens; the others (safetensors, GGUF, ONNX, Keras …) belong to other analyzers. */
const HANDLED = new Set(['pickle', 'torch-zip', 'zip', 'tar', 'gzip', 'zlib', '7z', 'numpy']);

export const modelPickleAnalyzer: Analyzer = {
  name: 'model-pickle',
  scanner: 'model',
  version: 1,
  rules: MODEL_PICKLE_RULES.map((r) => r.meta),
  match(file: FileInfo): boolean {
    return file.size > 0 && (MODEL_EXTENSIONS.has(file.ext) || ARCHIVE_EXTENSIONS.has(file.ext));
  },
  async analyze(file, ctx) {
    const notes: Note[] = [];
    const ins = await inspectArtifact(cachedSource(scanFileSource(file)), file.path, { deadline: ctx.deadline });
    if (!ins.format || !HANDLED.has(ins.format)) {
      if (ins.format === undefined && (file.ext === '.pt' || file.ext === '.pth' || file.ext === '.pkl' || file.ext === '.ckpt')) {
        notes.push({ level: 'info', path: file.path, source: 'model-pickle', message: 'has a model extension but is not a recognised model format (not scanned)' });
      }
      return { notes };
    }
    // Every finding names the model asset discovery reports for this file (`model-file:<path>`); the
    // rules' findings are fresh objects, so the id is set in place rather than by a copy of each.
    const findings: Finding[] = [];
    const ruleCtx = { path: file.path };
    for (const rule of MODEL_PICKLE_RULES) {
      for (const f of rule.check(ins, ruleCtx)) {
        if (!f.assetId) f.assetId = modelAssetId(file.path);
        findings.push(f);
      }
    }
    for (const n of ins.notes) notes.push({ level: n.level, path: file.path, source: 'model-pickle', message: n.message });
    return { findings, notes };
  },
};
