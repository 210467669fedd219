import { budgetText, workBudget, type AnalyzerContext, type ScanFile } from '../../core/analyzer.js';
import { note, readerOf, runRules, type FormatOutput } from '../format-result.js';
import { isInputError } from '../protobuf/wire.js';
import { ONNX_RULES } from '../rules/formats.js';
import { parseOnnx } from './parse.js';

export async function analyzeOnnx(file: ScanFile, out: FormatOutput, ctx: AnalyzerContext): Promise<void> {
  const shouldStop = workBudget(ctx);
  try {
    const doc = await parseOnnx(readerOf(file), shouldStop);
    if (shouldStop.reason) note(out, file, 'warning', `${budgetText(shouldStop)} after ${doc.nodeCount} ONNX nodes; results are partial`);
    out.properties = {
      framework: 'onnx',
      irVersion: doc.irVersion,
      producer: doc.producerName,
      producerVersion: doc.producerVersion,
      opsets: doc.opsets.map((o) => `${o.domain || 'ai.onnx'}:${o.version}`),
      externalData: doc.externalData.length > 0 ? [...new Set(doc.externalData.map((e) => e.location))].slice(0, 20) : undefined,
      metadata: Object.keys(doc.metadata).length ? doc.metadata : undefined,
    };
    out.version = doc.modelVersion ? String(doc.modelVersion) : undefined;
    runRules(out, ONNX_RULES, doc, file);
  } catch (e) {
    if (isInputError(e)) note(out, file, 'warning', `malformed ONNX protobuf: ${(e as Error).message}`);
    else throw e;
  }
}
