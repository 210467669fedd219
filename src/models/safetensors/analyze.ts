import type { ScanFile } from '../../core/analyzer.js';
import { readerOf, runRules, type FormatOutput } from '../format-result.js';
import { SAFETENSORS_RULES } from '../rules/formats.js';
import { parseSafetensors } from './parse.js';

export async function analyzeSafetensors(file: ScanFile, out: FormatOutput): Promise<void> {
  const doc = await parseSafetensors(readerOf(file));
  out.properties = {
    framework: doc.metadata.format ?? 'safetensors',
    tensors: doc.tensorCount,
    dtypes: Object.keys(doc.dtypes),
    metadata: Object.keys(doc.metadata).length ? doc.metadata : undefined,
  };
  runRules(out, SAFETENSORS_RULES, doc, file);
}
