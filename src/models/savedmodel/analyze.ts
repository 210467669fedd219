import { budgetText, workBudget, type AnalyzerContext, type ScanFile } from '../../core/analyzer.js';
import { note, readerOf, runRules, type FormatOutput } from '../format-result.js';
import { isInputError } from '../protobuf/wire.js';
import { KERAS_RULES, SAVEDMODEL_RULES } from '../rules/formats.js';
import { configDoc } from '../keras/analyze.js';
import { parseSavedModel } from './parse.js';

export async function analyzeSavedModel(file: ScanFile, out: FormatOutput, ctx: AnalyzerContext): Promise<void> {
  try {
    const stop = workBudget(ctx);
    const doc = await parseSavedModel(readerOf(file), stop);
    if (stop.reason) note(out, file, 'warning', `${budgetText(stop)} while reading saved_model.pb; results are partial`);
    out.properties = { framework: 'tensorflow', metaGraphs: doc.metaGraphs, ops: doc.ops.length };
    runRules(out, SAVEDMODEL_RULES, doc, file);
    for (const u of doc.userObjects) {
      const where = `object graph node ${u.index}${u.identifier ? ` (${u.identifier})` : ''}`;
      runRules(out, KERAS_RULES, configDoc(out, file, u.metadata, `saved_model.pb ${where}`), file, `object_graph/node-${u.index}`);
    }
    if (doc.userObjects.length) out.properties = { ...out.properties, framework: 'keras', kerasObjects: doc.userObjects.length };
  } catch (e) {
    if (isInputError(e)) note(out, file, 'warning', `malformed SavedModel protobuf: ${(e as Error).message}`);
    else throw e;
  }
}
