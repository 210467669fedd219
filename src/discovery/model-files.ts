/**
 * Model files in the target, identified by magic bytes (src/models/identify.ts), each as a
 * `model-file:<path>` asset with format, size and the streamed, memoised SHA-256 (the model
 * scanners emit the same id with deeper metadata; the pipeline merges them).
 */
import type { Analyzer, AnalyzerResult, FileInfo } from '../core/analyzer.js';
import { identifyModelFormat, MODEL_EXTENSIONS } from '../models/identify.js';
import { asset, at } from './assets.js';
import { readGgufMetadata, readSafetensorsMetadata } from './model-headers.js';

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
  async analyze(file): Promise<AnalyzerResult> {
    const head = await file.head(HEAD);
    const format = identifyModelFormat(file, head);
    if (!format) return {};
    const sha256 = await file.sha256();
    let meta: Record<string, unknown> = {};
    const notes: AnalyzerResult['notes'] = [];
    try {
      if (format === 'gguf') meta = await readGgufMetadata(file);
      else if (format === 'safetensors') meta = await readSafetensorsMetadata(file);
    } catch (err) {
      notes.push({ level: 'warning', path: file.path, message: `bom-model-files: ${format} header unreadable: ${err instanceof Error ? err.message : String(err)}`, source: 'bom-model-files' });
    }
    const name = typeof meta.name === 'string' ? meta.name : file.path.slice(file.path.lastIndexOf('/') + 1);
    return {
      assets: [asset('model', `model-file:${file.path}`, name, at(file.path), { format, size: file.size, sha256, ...meta }, { confidence: 1 })],
      notes,
    };
  },
};
